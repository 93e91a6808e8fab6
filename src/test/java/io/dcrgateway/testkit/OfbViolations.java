package io.dcrgateway.testkit;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.devpki.DevPkiManifest;
import io.dcrgateway.devpki.SoftwareStatementMinter;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Open Finance Brasil registrations the gateway must refuse (SPEC A.2, Appendix E), each as
 * (clause, change to a valid request of ofb-tpp1-a, exact error code). Shared by the tests with a
 * recording upstream and the ones with Keycloak behind, so both check the same list.
 */
public final class OfbViolations {

  private OfbViolations() {
  }

  public static Stream<Arguments> cases() {
    return Stream.of(
        refusal("no software statement", b -> without(b, "software_statement"), "invalid_software_statement"),
        refusal("statement signed by another key", b -> b.copy().put("software_statement",
            ssa().signedWith(attackerKey()).keyId(manifest().directory().kid()).mint()),
            "invalid_software_statement"),
        refusal("statement older than five minutes (BR-07)", b -> b.copy().put("software_statement",
            ssa().issuedAt(Instant.now().minusSeconds(400)).mint()), "invalid_software_statement"),
        refusal("unsigned statement (alg none)", b -> b.copy().put("software_statement",
            ssa().unsecured().mint()), "invalid_software_statement"),
        refusal("statement MACed with the directory's public key (HS256)", b -> b.copy().put("software_statement",
            ssa().algorithm(JWSAlgorithm.HS256).hmacSecret(new byte[32]).mint()), "invalid_software_statement"),
        refusal("statement of an unknown directory", b -> b.copy().put("software_statement",
            ssa().issuer("Some Other Directory").mint()), "unapproved_software_statement"),
        refusal("keys by value (BR-09)", b -> b.copy().put("jwks", new JsonObject().put("keys", new JsonArray())),
            "invalid_client_metadata"),
        refusal("jwks_uri not the statement's (BR-10)", b -> b.copy().put("jwks_uri", "https://evil.example/jwks"),
            "invalid_client_metadata"),
        refusal("redirect URI not in the statement (BR-11)", b -> b.copy().put("redirect_uris",
            new JsonArray().add("https://evil.example/cb")), "invalid_redirect_uri"),
        refusal("client_secret_basic (BR-12)", b -> b.copy().put("token_endpoint_auth_method", "client_secret_basic"),
            "invalid_client_metadata"),
        refusal("tls_client_auth with another subject (BR-14)", b -> b.copy()
            .put("token_endpoint_auth_method", "tls_client_auth")
            .put("tls_client_auth_subject_dn", "CN=someone else,O=Other,C=BR"), "invalid_client_metadata"),
        refusal("scope beyond the statement's roles (BR-15)", b -> b.copy().put("scope", "openid insurance"),
            "invalid_client_metadata"),
        refusal("RS256 id token signing (BR-20)", b -> b.copy().put("id_token_signed_response_alg", "RS256"),
            "invalid_client_metadata"));
  }

  /** A fresh statement for ofb-tpp1-a, signed with the dev directory key. */
  public static SoftwareStatementMinter ssa() {
    try {
      return SoftwareStatementMinter.forClient(manifest(), DevPkiLayout.OFB_TPP1_A);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static DevPkiManifest manifest() {
    try {
      return DevPkiManifest.read(SharedDevPki.layout().root());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonObject without(JsonObject body, String field) {
    JsonObject copy = body.copy();
    copy.remove(field);
    return copy;
  }

  private static Arguments refusal(String clause, UnaryOperator<JsonObject> change, String error) {
    return Arguments.of(clause, change, error);
  }

  private static RSAKey attackerKey() {
    try {
      return new RSAKeyGenerator(2048).keyID("attacker").generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
