package io.dcrgateway.devpki;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTParser;
import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Mints the UK Open Banking registration request: a compact JWS the TPP signs with its own key
 * (UK-02, UK-03) carrying client metadata and the directory's software statement. Defaults make a
 * request a UK ASPSP accepts (UK-04..UK-16): iss = software_id, a UUIDv4 jti, a five-minute
 * lifetime, tls_client_auth with the client certificate's DN, redirect_uris taken from the SSA.
 * Every part can then be changed, removed or signed wrongly (see {@link JwsMinter}).
 *
 * <pre>{@code
 * String request = RequestJwtMinter.forClient(manifest, "uk-tpp", ssa)
 *     .audience("aspspid")
 *     .expiresAt(Instant.now().minus(Duration.ofHours(1)))   // UK-06: expired
 *     .mint();
 * }</pre>
 *
 * <p>Blocking (reads the key from disk): from Vert.x code call it through {@code executeBlocking}.
 */
public final class RequestJwtMinter extends JwsMinter<RequestJwtMinter> {

  /** UK-05: an ASPSP id, {@code ^[0-9a-zA-Z]{1,18}$}. */
  public static final String DEFAULT_AUDIENCE = "dcrgatewaydev";
  public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

  private RequestJwtMinter(JWK tppKey, Map<String, Object> claims) {
    super(tppKey, claims);
  }

  public static RequestJwtMinter forClient(Path pkiRoot, String clientName, String softwareStatement) throws IOException {
    return forClient(DevPkiManifest.read(pkiRoot), clientName, softwareStatement);
  }

  /**
   * Signed with the client's own request signing key ({@code clients/<name>-signing.jwk}), under
   * its kid.
   *
   * @throws IllegalArgumentException when the manifest has no such client
   * @throws IllegalStateException when the dev PKI predates request signing keys
   * @throws IOException when the key cannot be read
   */
  public static RequestJwtMinter forClient(DevPkiManifest manifest, String clientName, String softwareStatement)
      throws IOException {
    DevPkiManifest.Client client = manifest.client(clientName);
    if (client.signingKey() == null) {
      throw new IllegalStateException("dev client " + clientName + " in " + manifest.root()
          + " has no request signing key; regenerate the dev PKI with dev-pki --force");
    }
    return new RequestJwtMinter(PrivateJwkFile.read(client.signingKey().privateJwk()),
        defaults(client, softwareStatement, Instant.now()));
  }

  private static Map<String, Object> defaults(DevPkiManifest.Client client, String softwareStatement, Instant now) {
    Map<String, Object> claims = new LinkedHashMap<>();
    // UK-04: for OB Directory SSAs the issuer is the software_id.
    claims.put("iss", client.softwareId());
    claims.put("aud", DEFAULT_AUDIENCE);
    claims.put("iat", now.getEpochSecond());
    claims.put("exp", now.plus(DEFAULT_LIFETIME).getEpochSecond());
    // UK-07: jti is a UUIDv4.
    claims.put("jti", UUID.randomUUID().toString());
    claims.put("software_statement", softwareStatement);
    claims.put("redirect_uris", redirectUrisOf(softwareStatement, DevSoftware.of(client)));
    // UK-10, UK-11: the FAPI method bound to the transport certificate, with that certificate's DN.
    claims.put("token_endpoint_auth_method", "tls_client_auth");
    claims.put("tls_client_auth_subject_dn", client.subjectDn());
    claims.put("grant_types", List.of("authorization_code", "refresh_token", "client_credentials"));
    claims.put("response_types", List.of("code id_token"));
    claims.put("scope", "openid accounts payments");
    // UK-16: required by the swagger.
    claims.put("application_type", "web");
    claims.put("id_token_signed_response_alg", "PS256");
    claims.put("request_object_signing_alg", "PS256");
    return claims;
  }

  /**
   * UK-09: redirect_uris must be drawn from the SSA's software_redirect_uris, so by default they are
   * all of them. An SSA a test made unreadable on purpose falls back to the software's usual URIs.
   */
  private static List<String> redirectUrisOf(String softwareStatement, DevSoftware software) {
    if (softwareStatement == null) {
      return software.redirectUris();
    }
    try {
      List<String> uris = JWTParser.parse(softwareStatement).getJWTClaimsSet().getStringListClaim("software_redirect_uris");
      return uris != null && !uris.isEmpty() ? uris : software.redirectUris();
    } catch (ParseException e) {
      return software.redirectUris();
    }
  }

  @Override
  protected RequestJwtMinter self() {
    return this;
  }

  /** UK-05: the ASPSP's id. */
  public RequestJwtMinter audience(String aud) {
    return claim("aud", aud);
  }

  public RequestJwtMinter softwareStatement(String ssa) {
    return claim("software_statement", ssa);
  }

  public RequestJwtMinter redirectUris(List<String> uris) {
    return claim("redirect_uris", List.copyOf(uris));
  }

  public RequestJwtMinter redirectUris(String... uris) {
    return redirectUris(List.of(uris));
  }

  public RequestJwtMinter scope(String scope) {
    return claim("scope", scope);
  }
}
