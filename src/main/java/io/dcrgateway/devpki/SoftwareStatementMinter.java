package io.dcrgateway.devpki;

import com.nimbusds.jose.jwk.JWK;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Mints software statements (SSAs) as the dev directory would, for a client of a generated dev
 * PKI: PS256 with the directory key's kid and {@code typ=JWT} (BR-06, UK-08), software_id and
 * org_id from the client's certificate (BR-04, BR-05, UK-17). Every claim and header can then be
 * changed, removed or signed wrongly for negative tests (see {@link JwsMinter}).
 *
 * <pre>{@code
 * String ssa = SoftwareStatementMinter.forClient(pkiDir, "ofb-tpp1-a")
 *     .issuedAt(Instant.now().minusSeconds(301))   // BR-07: too old
 *     .mint();
 * }</pre>
 *
 * <p>Blocking (reads the manifest and key from disk): from Vert.x code call it through
 * {@code executeBlocking}.
 */
public final class SoftwareStatementMinter extends JwsMinter<SoftwareStatementMinter> {

  /** BR-08: the sandbox issuer in the ID1 wording; the gateway's expected iss is configurable. */
  public static final String OFB_SANDBOX_ISSUER = "Open Banking Open Banking Brasil sandbox SSA issuer";
  /** UK-08: the OB Directory's iss. */
  public static final String UK_DIRECTORY_ISSUER = "OpenBanking Ltd";

  private final SsaProfile profile;

  private SoftwareStatementMinter(JWK directoryKey, SsaProfile profile, Map<String, Object> claims) {
    super(directoryKey, claims);
    this.profile = profile;
  }

  /** For {@code clientName} of the dev PKI in {@code pkiRoot}, in its certificate's directory profile. */
  public static SoftwareStatementMinter forClient(Path pkiRoot, String clientName) throws IOException {
    return forClient(DevPkiManifest.read(pkiRoot), clientName);
  }

  /** In the directory profile of the client's certificate: UK transport layout → UK, OFB layouts → OFB. */
  public static SoftwareStatementMinter forClient(DevPkiManifest manifest, String clientName) throws IOException {
    return forClient(manifest, clientName, SsaProfile.forLayout(manifest.client(clientName).layout()));
  }

  /**
   * @throws IllegalArgumentException when the manifest has no such client
   * @throws IOException when the directory signing key cannot be read
   */
  public static SoftwareStatementMinter forClient(DevPkiManifest manifest, String clientName, SsaProfile profile)
      throws IOException {
    DevSoftware software = DevSoftware.of(manifest.client(clientName));
    return new SoftwareStatementMinter(PrivateJwkFile.read(manifest.directory().signingKey()), profile,
        profile.defaultClaims(software, Instant.now()));
  }

  @Override
  protected SoftwareStatementMinter self() {
    return this;
  }

  public SsaProfile profile() {
    return profile;
  }

  public SoftwareStatementMinter issuer(String iss) {
    return claim("iss", iss);
  }

  /** software_redirect_uris: what the request's redirect_uris must be drawn from (BR-11, UK-09). */
  public SoftwareStatementMinter redirectUris(List<String> uris) {
    return claim("software_redirect_uris", List.copyOf(uris));
  }

  public SoftwareStatementMinter redirectUris(String... uris) {
    return redirectUris(List.of(uris));
  }

  /** The software's roles, all Active; OFB writes software_roles and software_statement_roles (BR-15, UK-15). */
  public SoftwareStatementMinter roles(List<String> roles) {
    profile.roleClaims(roles).forEach(this::claim);
    return this;
  }

  public SoftwareStatementMinter roles(String... roles) {
    return roles(List.of(roles));
  }

  /** software_jwks_uri (OFB, BR-10) or software_jwks_endpoint (UK, UK-03). */
  public SoftwareStatementMinter jwksUri(String uri) {
    return claim(profile.jwksUriClaim(), uri);
  }
}
