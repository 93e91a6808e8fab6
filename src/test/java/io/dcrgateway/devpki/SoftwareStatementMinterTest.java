package io.dcrgateway.devpki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SoftwareStatementMinterTest {

  static final String UUID_V4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dir;

  private static DevPkiManifest manifest;
  private static RSAKey directoryKey;

  @BeforeAll
  static void generate() throws Exception {
    manifest = DevPki.generate(dir, DevPkiOptions.defaults());
    directoryKey = PrivateJwkFile.read(manifest.directory().signingKey());
  }

  private static SoftwareStatementMinter ofb() throws Exception {
    return SoftwareStatementMinter.forClient(manifest, DevPkiLayout.OFB_TPP1_A);
  }

  private static JWTClaimsSet verify(String ssa) throws Exception {
    return JwsVerification.verifyPs256(ssa, manifest.directory().jwks());
  }

  @Test
  void ofbStatementVerifiesWithTheDirectoryJwksAsPs256UnderTheDirectoryKidWithTypJwt() throws Exception {
    String ssa = ofb().mint();

    JWTClaimsSet claims = verify(ssa);

    assertThat(claims.getStringClaim("software_id")).isEqualTo(manifest.client(DevPkiLayout.OFB_TPP1_A).softwareId());
    assertThat(headerNames(ssa)).containsExactly("alg", "kid", "typ");
    SignedJWT parsed = SignedJWT.parse(ssa);
    assertThat(parsed.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.PS256);
    assertThat(parsed.getHeader().getKeyID()).isEqualTo(manifest.directory().kid());
    assertThat(parsed.getHeader().getType().getType()).isEqualTo("JWT");
  }

  @Test
  void ofbStatementCarriesTheClientsManifestIdsTheSandboxIssuerAFreshIatAndAUuidJti() throws Exception {
    DevPkiManifest.Client client = manifest.client(DevPkiLayout.OFB_TPP1_A);
    Instant before = Instant.now();

    JWTClaimsSet claims = verify(ofb().mint());

    assertThat(claims.getIssuer()).isEqualTo(SoftwareStatementMinter.OFB_SANDBOX_ISSUER)
        .isEqualTo("Open Banking Open Banking Brasil sandbox SSA issuer");
    assertThat(claims.getStringClaim("software_id")).isEqualTo(client.softwareId());
    assertThat(claims.getStringClaim("org_id")).isEqualTo(client.orgId());
    assertThat(claims.getStringClaim("org_number")).isEqualTo(client.cnpj());
    assertThat(claims.getStringClaim("org_name")).isEqualTo("Dev TPP One Ltda");
    assertThat(claims.getIssueTime().toInstant()).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
    assertThat(claims.getJWTID()).matches(UUID_V4);
    assertThat(claims.getExpirationTime()).isNull();
    // BR-11: an array with a URI carrying a query, compared exactly.
    assertThat(claims.getStringListClaim("software_redirect_uris"))
        .containsExactly("https://tpp.dcr-gateway.test/" + client.softwareId() + "/callback",
            "https://tpp.dcr-gateway.test/" + client.softwareId() + "/callback?flow=dev&step=2");
    assertThat(claims.getStringClaim("software_jwks_uri"))
        .isEqualTo("https://keystore.dcr-gateway.test/" + client.orgId() + "/" + client.softwareId() + "/application.jwks");
  }

  @Test
  void ofbStatementHasTheDirectoryClaimSet() throws Exception {
    assertThat(ofb().claims().keySet()).containsExactly(
        "iss", "iat", "jti", "software_id", "org_id", "software_client_id", "software_client_name",
        "software_client_description", "software_version", "software_environment", "software_mode",
        "software_roles", "software_statement_roles", "software_redirect_uris", "software_jwks_uri",
        "software_jwks_inactive_uri", "software_jwks_transport_uri", "software_logo_uri", "software_tos_uri",
        "software_policy_uri", "software_client_uri", "software_api_webhook_uris", "org_name", "org_number",
        "org_status", "organisation_competent_authority_claims");
  }

  @Test
  void ofbRolesAreListedAndEachIsActiveInSoftwareStatementRoles() throws Exception {
    JWTClaimsSet claims = verify(ofb().mint());

    assertThat(claims.getStringListClaim("software_roles")).containsExactly("DADOS", "PAGTO");
    assertThat(claims.getListClaim("software_statement_roles")).containsExactly(
        Map.of("role", "DADOS", "authorisation_domain", "Open Banking", "status", "Active"),
        Map.of("role", "PAGTO", "authorisation_domain", "Open Banking", "status", "Active"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ofb-tpp1-b", "ofb-legacy"})
  void everyCertificateOfTheSameSoftwareGetsTheSameStatementButIatAndJti(String sibling) throws Exception {
    Map<String, Object> a = ofb().claims();
    Map<String, Object> b = SoftwareStatementMinter.forClient(manifest, sibling).claims();

    assertThat(b.get("jti")).isNotEqualTo(a.get("jti"));
    a.keySet().removeAll(List.of("iat", "jti"));
    b.keySet().removeAll(List.of("iat", "jti"));
    assertThat(b).isEqualTo(a);
    assertThat(SoftwareStatementMinter.forClient(manifest, DevPkiLayout.OFB_TPP2).claims().get("software_id"))
        .isNotEqualTo(a.get("software_id"));
  }

  @Test
  void ukClientGetsAnObDirectoryStatementByDefault() throws Exception {
    DevPkiManifest.Client uk = manifest.client(DevPkiLayout.UK_TPP);
    SoftwareStatementMinter minter = SoftwareStatementMinter.forClient(dir, DevPkiLayout.UK_TPP);

    JWTClaimsSet claims = verify(minter.mint());

    assertThat(minter.profile()).isEqualTo(SsaProfile.UK_OPEN_BANKING);
    assertThat(claims.getIssuer()).isEqualTo(SoftwareStatementMinter.UK_DIRECTORY_ISSUER).isEqualTo("OpenBanking Ltd");
    assertThat(claims.getClaims().keySet()).containsExactlyInAnyOrder(
        "iss", "iat", "jti", "software_id", "software_client_id", "software_client_name", "software_roles",
        "software_redirect_uris", "software_jwks_endpoint", "org_id", "org_name", "software_logo_uri",
        "software_policy_uri", "software_tos_uri", "software_mode");
    assertThat(claims.getStringClaim("software_id")).isEqualTo(uk.softwareId());
    assertThat(claims.getStringClaim("org_id")).isEqualTo(uk.orgId());
    assertThat(claims.getStringListClaim("software_roles")).containsExactly("AISP", "PISP");
    assertThat(claims.getStringClaim("software_jwks_endpoint")).endsWith("/" + uk.softwareId() + "/application.jwks");
  }

  @Test
  void profileCanBeChosenAgainstTheCertificatesLayout() throws Exception {
    SoftwareStatementMinter minter =
        SoftwareStatementMinter.forClient(manifest, DevPkiLayout.OFB_TPP1_A, SsaProfile.UK_OPEN_BANKING);

    JWTClaimsSet claims = verify(minter.mint());

    assertThat(claims.getIssuer()).isEqualTo("OpenBanking Ltd");
    assertThat(claims.getStringClaim("software_id")).isEqualTo(manifest.client(DevPkiLayout.OFB_TPP1_A).softwareId());
    assertThat(claims.getClaim("software_statement_roles")).isNull();
  }

  @Test
  void settersOverridesAndRemovalsChangeOnlyWhatTheyName() throws Exception {
    Map<String, Object> untouched = ofb().claims();

    JWTClaimsSet claims = verify(ofb()
        .issuer("Open Finance Brasil sandbox SSA issuer")
        .redirectUris("https://elsewhere.test/cb")
        .roles("DADOS")
        .jwksUri("https://keys.test/jwks")
        .claim("software_client_name", "Renamed")
        .claim("software_logo_uri", null)
        .without("org_id", "software_tos_uri")
        .mint());

    assertThat(claims.getIssuer()).isEqualTo("Open Finance Brasil sandbox SSA issuer");
    assertThat(claims.getStringListClaim("software_redirect_uris")).containsExactly("https://elsewhere.test/cb");
    assertThat(claims.getStringListClaim("software_roles")).containsExactly("DADOS");
    assertThat(claims.getListClaim("software_statement_roles")).hasSize(1);
    assertThat(claims.getStringClaim("software_jwks_uri")).isEqualTo("https://keys.test/jwks");
    assertThat(claims.getStringClaim("software_client_name")).isEqualTo("Renamed");
    // null is sent (present but empty); without() drops the claim altogether.
    assertThat(claims.getClaims()).containsKey("software_logo_uri").doesNotContainKeys("org_id", "software_tos_uri");
    assertThat(claims.getStringClaim("software_policy_uri")).isEqualTo(untouched.get("software_policy_uri"));
    assertThat(claims.getStringClaim("software_id")).isEqualTo(untouched.get("software_id"));
  }

  @Test
  void ukRolesAndJwksUriGoToTheUkClaimNames() throws Exception {
    Map<String, Object> claims = SoftwareStatementMinter.forClient(manifest, DevPkiLayout.UK_TPP)
        .roles("AISP", "CBPII").jwksUri("https://keys.test/uk.jwks").claims();

    assertThat(claims.get("software_roles")).isEqualTo(List.of("AISP", "CBPII"));
    assertThat(claims.get("software_jwks_endpoint")).isEqualTo("https://keys.test/uk.jwks");
    assertThat(claims).doesNotContainKeys("software_statement_roles", "software_jwks_uri");
  }

  @Test
  void iatCanBeBackdatedForAgeTestsAndAnExpiredStatementFailsVerification() throws Exception {
    Instant sixMinutesAgo = Instant.now().minusSeconds(360);

    JWTClaimsSet old = verify(ofb().issuedAt(sixMinutesAgo).mint());
    String expired = ofb().expiresAt(Instant.now().minusSeconds(120)).mint();

    assertThat(old.getIssueTime().toInstant().getEpochSecond()).isEqualTo(sixMinutesAgo.getEpochSecond());
    assertThatThrownBy(() -> verify(expired)).isInstanceOf(BadJOSEException.class).hasMessageContaining("Expired");
  }

  @Test
  void statementSignedWithAnotherKeyKeepsTheDirectoryKidAndFailsVerification() throws Exception {
    String forged = ofb().signedWith(Ps256Keys.generate()).mint();

    assertThat(SignedJWT.parse(forged).getHeader().getKeyID()).isEqualTo(manifest.directory().kid());
    assertThat(SignedJWT.parse(forged).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.PS256);
    assertThatThrownBy(() -> verify(forged)).isInstanceOf(BadJOSEException.class);
  }

  @Test
  void unsecuredStatementHasAlgNoneAndAnEmptySignatureAndIsRejected() throws Exception {
    String unsecured = ofb().unsecured().mint();

    assertThat(unsecured).endsWith(".");
    assertThat(header(unsecured).get("alg").asText()).isEqualTo("none");
    assertThat(header(unsecured).get("kid").asText()).isEqualTo(manifest.directory().kid());
    assertThat(PlainJWT.parse(unsecured).getJWTClaimsSet().getStringClaim("software_id"))
        .isEqualTo(manifest.client(DevPkiLayout.OFB_TPP1_A).softwareId());
    assertThatThrownBy(() -> verify(unsecured)).isInstanceOf(BadJOSEException.class);
  }

  @Test
  void noneSpelledInCapitalsIsWrittenAsGivenWithNoSignature() throws Exception {
    String token = ofb().algorithm(new JWSAlgorithm("NONE")).mint();

    assertThat(header(token).get("alg").asText()).isEqualTo("NONE");
    assertThat(token).endsWith(".");
    // Not "none" to nimbus, so it is read as a JWS and refused for its empty signature.
    assertThatThrownBy(() -> verify(token)).isInstanceOf(ParseException.class).hasMessageContaining("signature");
  }

  @Test
  void hs256StatementIsKeyedWithTheDirectoryPublicKeyPemAndIsRejected() throws Exception {
    String confused = ofb().algorithm(JWSAlgorithm.HS256).mint();

    JWSObject parsed = JWSObject.parse(confused);
    assertThat(parsed.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
    // The key-confusion bytes: HMAC keyed with the public key an attacker can download.
    String pem = "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(directoryKey.toPublicKey().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
    assertThat(parsed.verify(new MACVerifier(pem.getBytes(StandardCharsets.US_ASCII)))).isTrue();
    assertThatThrownBy(() -> verify(confused)).isInstanceOf(BadJOSEException.class);
  }

  @Test
  void hmacSecretCanBeGiven() throws Exception {
    byte[] secret = "a shared secret of at least thirty-two bytes".getBytes(StandardCharsets.US_ASCII);

    String token = ofb().algorithm(JWSAlgorithm.HS256).hmacSecret(secret).mint();

    assertThat(JWSObject.parse(token).verify(new MACVerifier(secret))).isTrue();
  }

  @Test
  void rs256StatementIsAGenuineDirectorySignatureUnderAnAlgTheVerifierRefuses() throws Exception {
    String rs256 = ofb().algorithm(JWSAlgorithm.RS256).mint();

    JWSObject parsed = JWSObject.parse(rs256);
    assertThat(parsed.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(parsed.verify(new RSASSAVerifier(directoryKey.toRSAPublicKey()))).isTrue();
    assertThatThrownBy(() -> verify(rs256)).isInstanceOf(BadJOSEException.class);
  }

  @Test
  void kidTypAndExtraHeadersCanBeChangedOrDropped() throws Exception {
    assertThat(headerNames(ofb().withoutKeyId().mint())).containsExactly("alg", "typ");
    assertThat(headerNames(ofb().withoutType().mint())).containsExactly("alg", "kid");
    JsonNode header = header(ofb().keyId("other-kid").type("JOSE").header("x5u", "https://attacker.test/cert").mint());
    assertThat(header.get("kid").asText()).isEqualTo("other-kid");
    assertThat(header.get("typ").asText()).isEqualTo("JOSE");
    assertThat(header.get("x5u").asText()).isEqualTo("https://attacker.test/cert");
  }

  @Test
  void signingWithAnAlgTheKeyCannotDoIsRefusedNamingTheAlg() throws Exception {
    assertThatThrownBy(() -> ofb().algorithm(JWSAlgorithm.ES256).mint())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ES256");
    assertThatThrownBy(() -> ofb().signedWith(directoryKey.toPublicJWK()).mint())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("public RSA key");
  }

  @Test
  void unknownClientIsRefusedNamingIt() {
    assertThatThrownBy(() -> SoftwareStatementMinter.forClient(manifest, "nobody"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nobody");
  }

  static JsonNode header(String compactJws) throws Exception {
    return JSON.readTree(Base64.getUrlDecoder().decode(compactJws.substring(0, compactJws.indexOf('.'))));
  }

  static List<String> headerNames(String compactJws) throws Exception {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = header(compactJws).fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
