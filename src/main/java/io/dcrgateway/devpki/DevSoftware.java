package io.dcrgateway.devpki;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * A dev client's software as a directory would record it: the ids from its certificate and the
 * URIs registered for it. Everything derives from software_id and org_id, so two certificates of
 * the same software (ofb-tpp1-a, ofb-tpp1-b, ofb-legacy) yield the same software statement claims.
 * Hosts sit under {@code .test} (RFC 6761): nothing is ever fetched from them by accident.
 */
public record DevSoftware(String softwareId, String orgId, String orgName, String cnpj) {

  static final String TPP_ORIGIN = "https://tpp.dcr-gateway.test/";
  static final String KEYSTORE_ORIGIN = "https://keystore.dcr-gateway.test/";
  /** The UK DN's O is the directory ("OpenBanking"), not the TPP, so UK clients get this name. */
  static final String UK_ORG_NAME = "dcr-gateway dev UK TPP";

  public static DevSoftware of(DevPkiManifest.Client client) {
    String orgName = client.layout() == SubjectLayout.UK_TRANSPORT ? UK_ORG_NAME : organization(client.subjectDn());
    return new DevSoftware(client.softwareId(), client.orgId(), orgName, client.cnpj());
  }

  /** A stable directory client id for the software (OFB software_client_id), 22 characters like the directory's. */
  public String directoryClientId() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(softwareId.getBytes(StandardCharsets.UTF_8));
      return "dev" + HexFormat.of().formatHex(digest).substring(0, 19);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  public String clientName() {
    return orgName + " app";
  }

  public String home() {
    return TPP_ORIGIN + softwareId;
  }

  /** Two URIs, one with a query: BR-11 compares exactly, query included, as the OIDF suite does. */
  public List<String> redirectUris() {
    return List.of(home() + "/callback", home() + "/callback?flow=dev&step=2");
  }

  /** BR-19: https, no trailing slash, no query. */
  public List<String> webhookUris() {
    return List.of(home() + "/webhook");
  }

  /** Where the software's request signing keys are published (OFB software_jwks_uri, UK software_jwks_endpoint). */
  public String jwksUri() {
    return KEYSTORE_ORIGIN + orgId + "/" + softwareId + "/application.jwks";
  }

  public String inactiveJwksUri() {
    return KEYSTORE_ORIGIN + orgId + "/" + softwareId + "/inactive/application.jwks";
  }

  public String transportJwksUri() {
    return KEYSTORE_ORIGIN + orgId + "/" + softwareId + "/transport.jwks";
  }

  public String logoUri() {
    return home() + "/logo.png";
  }

  public String tosUri() {
    return home() + "/tos";
  }

  public String policyUri() {
    return home() + "/policy";
  }

  private static String organization(String subjectDn) {
    try {
      for (Rdn rdn : new LdapName(subjectDn).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("O")) {
          return rdn.getValue().toString();
        }
      }
      return "dcr-gateway dev TPP";
    } catch (InvalidNameException e) {
      throw new IllegalArgumentException("not an RFC 2253 DN: " + subjectDn, e);
    }
  }
}
