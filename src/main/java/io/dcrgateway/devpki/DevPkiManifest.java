package io.dcrgateway.devpki;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * What a {@link DevPki} generation wrote, also stored as {@code dev-pki.json} in its directory:
 * the identities behind every client certificate, so tests and a dev directory can mint SSAs whose
 * software_id and org_id match the certificate a TPP presents (BR-04, BR-05, UK-17).
 * Paths here are resolved against {@code root}; the JSON file stores them relative to it.
 */
public record DevPkiManifest(
    Path root,
    Instant generatedAt,
    String pkcs12Password,
    Trust trust,
    DevPkiLayout.LeafFiles server,
    Directory directory,
    Map<String, Client> clients) {

  public DevPkiManifest {
    clients = Map.copyOf(clients);
  }

  /** What the gateway trusts: TPP root as anchor, issuing CA as intermediate, server CA for its own clients. */
  public record Trust(Path tppTrustBundle, Path tppIntermediates, Path serverCa) {
  }

  /** The dev directory's SSA signing key (private JWK) and public JWKS; kid is the RFC 7638 thumbprint. */
  public record Directory(String kid, Path signingKey, Path jwks) {
  }

  /**
   * A TPP's request signing key (UK-03): the private JWK it signs with and the public JWKS a
   * verifier fetches from software_jwks_endpoint; kid is the RFC 7638 thumbprint.
   */
  public record SigningKey(String kid, Path privateJwk, Path jwks) {
  }

  /**
   * One client certificate: whose it is, what the gateway should make of it ({@code description}),
   * and its DNs as {@code X500Principal.getName()} prints them (what the suite sends as
   * tls_client_auth_subject_dn, Appendix D §1). {@code cnpj} is null for the UK layout.
   * {@code signingKey} is null when the manifest predates request signing keys.
   */
  public record Client(
      String name,
      SubjectLayout layout,
      String description,
      String softwareId,
      String orgId,
      String cnpj,
      String subjectDn,
      String issuerDn,
      String serialHex,
      Instant notAfter,
      DevPkiLayout.LeafFiles files,
      SigningKey signingKey) {
  }

  public Client client(String name) {
    Client client = clients.get(name);
    if (client == null) {
      throw new IllegalArgumentException("no dev client named " + name + " in " + root);
    }
    return client;
  }

  /** Reads {@code dev-pki.json} from a directory {@link DevPki} generated. */
  public static DevPkiManifest read(Path root) throws IOException {
    return ManifestJson.read(root);
  }
}
