package io.dcrgateway.devpki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestJwtMinterTest {

  @TempDir
  static Path dir;

  private static DevPkiManifest manifest;
  private static DevPkiManifest.Client uk;
  private static String ssa;

  @BeforeAll
  static void generate() throws Exception {
    manifest = DevPki.generate(dir, DevPkiOptions.defaults());
    uk = manifest.client(DevPkiLayout.UK_TPP);
    ssa = SoftwareStatementMinter.forClient(manifest, DevPkiLayout.UK_TPP).mint();
  }

  private static RequestJwtMinter request() throws Exception {
    return RequestJwtMinter.forClient(manifest, DevPkiLayout.UK_TPP, ssa);
  }

  private static JWTClaimsSet verify(String request) throws Exception {
    return JwsVerification.verifyPs256(request, new DevPkiLayout(dir).clientJwks(DevPkiLayout.UK_TPP));
  }

  @Test
  void requestVerifiesAgainstTheClientsJwksAsPs256UnderItsOwnKid() throws Exception {
    String request = request().mint();

    verify(request);
    SignedJWT parsed = SignedJWT.parse(request);
    assertThat(parsed.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.PS256);
    assertThat(parsed.getHeader().getKeyID()).isEqualTo(uk.signingKey().kid()).isNotEqualTo(manifest.directory().kid());
    assertThat(parsed.getHeader().getType().getType()).isEqualTo("JWT");
    // UK-03: signed by the TPP, not the directory.
    assertThatThrownBy(() -> JwsVerification.verifyPs256(request, manifest.directory().jwks()))
        .isInstanceOf(BadJOSEException.class);
  }

  @Test
  void requestClaimsAreWhatAUkAspspRequires() throws Exception {
    Instant before = Instant.now();

    JWTClaimsSet claims = verify(request().mint());

    // UK-04, UK-05, UK-06, UK-07
    assertThat(claims.getIssuer()).isEqualTo(uk.softwareId()).matches("^[0-9a-zA-Z]{1,22}$");
    assertThat(claims.getAudience()).containsExactly(RequestJwtMinter.DEFAULT_AUDIENCE);
    assertThat(RequestJwtMinter.DEFAULT_AUDIENCE).matches("^[0-9a-zA-Z]{1,18}$");
    assertThat(claims.getIssueTime().toInstant()).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
    assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(claims.getJWTID()).matches(SoftwareStatementMinterTest.UUID_V4);
    // UK-08, UK-09: the SSA unchanged, redirect_uris drawn from it.
    assertThat(claims.getStringClaim("software_statement")).isEqualTo(ssa);
    assertThat(claims.getStringListClaim("redirect_uris"))
        .isEqualTo(SignedJWT.parse(ssa).getJWTClaimsSet().getStringListClaim("software_redirect_uris"));
    // UK-10, UK-11
    assertThat(claims.getStringClaim("token_endpoint_auth_method")).isEqualTo("tls_client_auth");
    assertThat(claims.getStringClaim("tls_client_auth_subject_dn")).isEqualTo(uk.subjectDn()).startsWith("CN=");
    // UK-13, UK-16
    assertThat(claims.getStringListClaim("grant_types")).containsExactly("authorization_code", "refresh_token", "client_credentials");
    assertThat(claims.getStringListClaim("response_types")).containsExactly("code id_token");
    assertThat(claims.getClaims()).containsKeys("scope", "application_type");
    assertThat(claims.getStringClaim("id_token_signed_response_alg")).isEqualTo("PS256");
    assertThat(claims.getStringClaim("request_object_signing_alg")).isEqualTo("PS256");
  }

  @Test
  void redirectUrisFollowTheStatementTheyWrap() throws Exception {
    String narrowSsa = SoftwareStatementMinter.forClient(manifest, DevPkiLayout.UK_TPP)
        .redirectUris("https://only.test/cb").mint();

    JWTClaimsSet claims = verify(RequestJwtMinter.forClient(dir, DevPkiLayout.UK_TPP, narrowSsa).mint());

    assertThat(claims.getStringListClaim("redirect_uris")).containsExactly("https://only.test/cb");
  }

  @Test
  void anUnreadableStatementStillGivesARequestWithTheSoftwaresRedirectUris() throws Exception {
    JWTClaimsSet claims = verify(RequestJwtMinter.forClient(manifest, DevPkiLayout.UK_TPP, "not-a-jws").mint());

    assertThat(claims.getStringClaim("software_statement")).isEqualTo("not-a-jws");
    assertThat(claims.getStringListClaim("redirect_uris")).isEqualTo(DevSoftware.of(uk).redirectUris());
  }

  @Test
  void audienceClaimsAndRemovalsCanBeChanged() throws Exception {
    JWTClaimsSet claims = verify(request()
        .audience("aspsp01")
        .scope("openid accounts")
        .redirectUris("https://elsewhere.test/cb")
        .claim("iss", "foo.is/invalid")
        .without("exp", "application_type")
        .mint());

    assertThat(claims.getAudience()).containsExactly("aspsp01");
    assertThat(claims.getStringClaim("scope")).isEqualTo("openid accounts");
    assertThat(claims.getStringListClaim("redirect_uris")).containsExactly("https://elsewhere.test/cb");
    assertThat(claims.getIssuer()).isEqualTo("foo.is/invalid");
    assertThat(claims.getClaims()).doesNotContainKeys("exp", "application_type");
  }

  @Test
  void expiredRequestFailsVerification() throws Exception {
    // UK-06, conformance DCR-004: exp an hour ago.
    String expired = request().issuedAt(Instant.now().minus(Duration.ofHours(2)))
        .expiresAt(Instant.now().minus(Duration.ofHours(1))).mint();

    assertThatThrownBy(() -> verify(expired)).isInstanceOf(BadJOSEException.class).hasMessageContaining("Expired");
  }

  @Test
  void rs256RequestIsSignedByTheTppKeyButRefusedByAPs256Verifier() throws Exception {
    // UK-03, conformance DCR-004: "fails with RS256".
    String rs256 = request().algorithm(JWSAlgorithm.RS256).mint();
    RSAKey tppPublic = (RSAKey) JWKSet.load(uk.signingKey().jwks().toFile()).getKeys().get(0);

    assertThat(SignedJWT.parse(rs256).verify(new RSASSAVerifier(tppPublic))).isTrue();
    assertThatThrownBy(() -> verify(rs256)).isInstanceOf(BadJOSEException.class);
  }

  @Test
  void requestSignedWithAnotherClientsKeyFailsAgainstThisClientsJwks() throws Exception {
    RSAKey otherKey = PrivateJwkFile.read(manifest.client(DevPkiLayout.OFB_TPP2).signingKey().privateJwk());

    String stolen = request().signedWith(otherKey).mint();

    assertThat(SignedJWT.parse(stolen).getHeader().getKeyID()).isEqualTo(uk.signingKey().kid());
    assertThatThrownBy(() -> verify(stolen)).isInstanceOf(BadJOSEException.class);
  }

  @Test
  void aDevPkiFromBeforeRequestKeysIsReadAndRefusedWithHowToRegenerate(@TempDir Path old) throws Exception {
    ObjectNode json = (ObjectNode) new ObjectMapper().readTree(new DevPkiLayout(dir).manifest().toFile());
    json.get("clients").forEach(client -> ((ObjectNode) client).remove("signing_key"));
    Files.write(new DevPkiLayout(old).manifest(), new ObjectMapper().writeValueAsBytes(json));

    DevPkiManifest oldManifest = DevPkiManifest.read(old);

    assertThat(oldManifest.client(DevPkiLayout.UK_TPP).signingKey()).isNull();
    assertThatThrownBy(() -> RequestJwtMinter.forClient(oldManifest, DevPkiLayout.UK_TPP, ssa))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("dev-pki --force");
  }

    @Test
  void ofbClientsHaveRequestKeysToo() throws Exception {
    String request = RequestJwtMinter.forClient(manifest, DevPkiLayout.OFB_TPP1_A,
        SoftwareStatementMinter.forClient(manifest, DevPkiLayout.OFB_TPP1_A).mint()).mint();

    JWTClaimsSet claims = JwsVerification.verifyPs256(request, manifest.client(DevPkiLayout.OFB_TPP1_A).signingKey().jwks());
    assertThat(claims.getIssuer()).isEqualTo(manifest.client(DevPkiLayout.OFB_TPP1_A).softwareId());
    assertThat(claims.getStringListClaim("redirect_uris")).hasSize(2);
  }
}
