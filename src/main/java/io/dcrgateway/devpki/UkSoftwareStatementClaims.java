package io.dcrgateway.devpki;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The claims of a UK Open Banking directory software statement for a dev software (UK-08, S-UK3):
 * issuer "OpenBanking Ltd", software_id equal to the request's iss (UK-04), and the
 * software_jwks_endpoint the request signature is checked against (UK-03).
 */
final class UkSoftwareStatementClaims {

  static final List<String> DEFAULT_ROLES = List.of("AISP", "PISP");

  private UkSoftwareStatementClaims() {
  }

  static Map<String, Object> defaults(DevSoftware software, Instant issuedAt) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", SoftwareStatementMinter.UK_DIRECTORY_ISSUER);
    claims.put("iat", issuedAt.getEpochSecond());
    claims.put("jti", UUID.randomUUID().toString());
    claims.put("software_id", software.softwareId());
    // The OB Directory gives a software one client id, its software_id.
    claims.put("software_client_id", software.softwareId());
    claims.put("software_client_name", software.clientName());
    claims.putAll(roles(DEFAULT_ROLES));
    claims.put("software_redirect_uris", software.redirectUris());
    claims.put("software_jwks_endpoint", software.jwksUri());
    claims.put("org_id", software.orgId());
    claims.put("org_name", software.orgName());
    claims.put("software_logo_uri", software.logoUri());
    claims.put("software_policy_uri", software.policyUri());
    claims.put("software_tos_uri", software.tosUri());
    claims.put("software_mode", "Test");
    return claims;
  }

  /** UK-15: scopes follow software_roles (AISP accounts, PISP payments, CBPII fundsconfirmations). */
  static Map<String, Object> roles(List<String> roles) {
    return Map.of("software_roles", List.copyOf(roles));
  }
}
