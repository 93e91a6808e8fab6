package io.dcrgateway.policy.rules;

import static io.dcrgateway.policy.PolicyFixture.assertPasses;
import static io.dcrgateway.policy.PolicyFixture.assertRejects;
import static io.dcrgateway.policy.PolicyFixture.register;
import static io.dcrgateway.policy.PolicyFixture.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.policy.Rule;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * OFB DCR 7.1-7, 7.1-12 (SPEC BR-12, BR-13), RFC 8705 §2.1.2 (RFC-10), BR-20 and UK-10..UK-12:
 * how the client authenticates at the token endpoint, and with which algorithms.
 */
class TokenEndpointAuthRulesTest {

  private static final String DN = "CN=tpp.example,O=TPP,C=BR";

  @ParameterizedTest
  @ValueSource(strings = {"private_key_jwt", "tls_client_auth", "self_signed_tls_client_auth"})
  void acceptsTheFapiMethodsByDefault(String method) {
    assertPasses(rule("token-endpoint-auth-method.allowed")
        .evaluate(register(new JsonObject().put("token_endpoint_auth_method", method).put("x", "y"))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"client_secret_basic", "client_secret_post", "client_secret_jwt", "none", "PRIVATE_KEY_JWT"})
  void rejectsSharedSecretAndUnknownMethods(String method) {
    var reject = assertRejects(rule("token-endpoint-auth-method.allowed")
        .evaluate(register(new JsonObject().put("token_endpoint_auth_method", method))), "invalid_client_metadata");
    assertThat(reject.description()).contains("token_endpoint_auth_method \"" + method + "\"",
        "private_key_jwt, tls_client_auth, self_signed_tls_client_auth");
  }

  @Test
  void rejectsAnAbsentMethodBecauseTheRfc7591DefaultIsClientSecretBasic() {
    var reject = assertRejects(rule("token-endpoint-auth-method.allowed").evaluate(register(new JsonObject())),
        "invalid_client_metadata");
    assertThat(reject.description()).contains("token_endpoint_auth_method is required", "client_secret_basic");
  }

  @Test
  void ukAllowsOnlyPrivateKeyJwtAndTlsClientAuth() {
    Rule rule = rule("token-endpoint-auth-method.allowed", Map.of("allowed", List.of("private_key_jwt", "tls_client_auth")));
    assertPasses(rule.evaluate(register(new JsonObject().put("token_endpoint_auth_method", "tls_client_auth"))));
    assertRejects(rule.evaluate(register(new JsonObject().put("token_endpoint_auth_method", "self_signed_tls_client_auth"))),
        "invalid_client_metadata");
  }

  @Test
  void acceptsAnAbsentMethodWhenNotRequired() {
    assertPasses(rule("token-endpoint-auth-method.allowed", Map.of("required", false)).evaluate(register(new JsonObject())));
  }

  // --- tls-client-auth.single-subject

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "subject DN only          | {\"tls_client_auth_subject_dn\": \"CN=a\"}",
      "one SAN only             | {\"tls_client_auth_san_dns\": \"tpp.example\"}",
      "another method, two SANs | {\"token_endpoint_auth_method\": \"private_key_jwt\", \"tls_client_auth_san_dns\": \"a\", \"tls_client_auth_san_uri\": \"b\"}",
  })
  void acceptsExactlyOneSubjectParameter(String name, String json) {
    JsonObject metadata = new JsonObject().put("token_endpoint_auth_method", "tls_client_auth").mergeIn(new JsonObject(json));
    assertPasses(rule("tls-client-auth.single-subject").evaluate(register(metadata)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "none                  | {}                                                                   | got none",
      "DN and a SAN          | {\"tls_client_auth_subject_dn\": \"CN=a\", \"tls_client_auth_san_ip\": \"10.0.0.1\"} | got tls_client_auth_subject_dn, tls_client_auth_san_ip",
      "two SANs              | {\"tls_client_auth_san_uri\": \"https://a\", \"tls_client_auth_san_email\": \"a@b\"} | got tls_client_auth_san_uri, tls_client_auth_san_email",
      "DN not a string       | {\"tls_client_auth_subject_dn\": 5}                                   | must be a non-empty string",
      "blank SAN             | {\"tls_client_auth_san_dns\": \" \"}                                  | must be a non-empty string",
  })
  void rejectsAnythingButExactlyOneSubjectParameterPerRfc8705(String name, String json, String message) {
    JsonObject metadata = new JsonObject().put("token_endpoint_auth_method", "tls_client_auth").mergeIn(new JsonObject(json));
    var reject = assertRejects(rule("tls-client-auth.single-subject").evaluate(register(metadata)), "invalid_client_metadata");
    assertThat(reject.description()).contains(message);
  }

  @Test
  void ofbRequiresTheSubjectDnAndNoSanParameters() {
    Rule rule = rule("tls-client-auth.single-subject", Map.of("require-subject-dn", true));
    JsonObject tls = new JsonObject().put("token_endpoint_auth_method", "tls_client_auth");

    assertPasses(rule.evaluate(register(tls.copy().put("tls_client_auth_subject_dn", DN))));
    assertThat(assertRejects(rule.evaluate(register(tls.copy().put("tls_client_auth_san_dns", "tpp.example"))),
        "invalid_client_metadata").description()).contains("requires tls_client_auth_subject_dn");
    assertThat(assertRejects(rule.evaluate(register(tls.copy().put("tls_client_auth_subject_dn", DN)
        .put("tls_client_auth_san_uri", "https://tpp.example"))), "invalid_client_metadata").description())
        .contains("remove tls_client_auth_san_uri");
  }

  // --- signing-algs.allowed

  @Test
  void acceptsPs256EverywhereAndUnknownFields() {
    JsonObject metadata = new JsonObject()
        .put("token_endpoint_auth_method", "private_key_jwt")
        .put("id_token_signed_response_alg", "PS256")
        .put("request_object_signing_alg", "PS256")
        .put("token_endpoint_auth_signing_alg", "PS256")
        .put("userinfo_signed_response_alg", "PS256")
        .put("authorization_signed_response_alg", "PS256")
        .put("id_token_encrypted_response_alg", "RSA-OAEP")
        .put("x-vendor", "x");
    assertPasses(rule("signing-algs.allowed").evaluate(register(metadata)));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
      "id_token_signed_response_alg, RS256",
      "request_object_signing_alg, none",
      "token_endpoint_auth_signing_alg, HS256",
      "userinfo_signed_response_alg, ES256",
      "authorization_signed_response_alg, ps256",
  })
  void rejectsAlgorithmsOtherThanPs256(String field, String alg) {
    JsonObject metadata = new JsonObject().put("token_endpoint_auth_method", "private_key_jwt").put(field, alg);
    var reject = assertRejects(rule("signing-algs.allowed").evaluate(register(metadata)), "invalid_client_metadata");
    assertThat(reject.description()).isEqualTo(field + " \"" + alg + "\" is not accepted; use PS256");
  }

  @Test
  void ignoresTheClientAssertionAlgorithmUnlessTheMethodIsPrivateKeyJwt() {
    JsonObject metadata = new JsonObject().put("token_endpoint_auth_method", "tls_client_auth")
        .put("token_endpoint_auth_signing_alg", "RS256");
    assertPasses(rule("signing-algs.allowed").evaluate(register(metadata)));
  }

  @Test
  void ukAcceptsEs256AndRequiresTheFieldsConfigured() {
    Rule rule = rule("signing-algs.allowed", Map.of("allowed", List.of("PS256", "ES256"),
        "required-fields", List.of("id_token_signed_response_alg", "token_endpoint_auth_signing_alg")));
    JsonObject complete = new JsonObject().put("token_endpoint_auth_method", "private_key_jwt")
        .put("id_token_signed_response_alg", "ES256").put("token_endpoint_auth_signing_alg", "PS256");
    assertPasses(rule.evaluate(register(complete)));

    JsonObject noAssertionAlg = complete.copy();
    noAssertionAlg.remove("token_endpoint_auth_signing_alg");
    assertThat(assertRejects(rule.evaluate(register(noAssertionAlg)), "invalid_client_metadata").description())
        .isEqualTo("token_endpoint_auth_signing_alg is required with token_endpoint_auth_method private_key_jwt;"
            + " use one of: PS256, ES256");
    // UK-12: only private_key_jwt needs the client assertion algorithm.
    assertPasses(rule.evaluate(register(noAssertionAlg.copy().put("token_endpoint_auth_method", "tls_client_auth"))));

    JsonObject noIdTokenAlg = complete.copy();
    noIdTokenAlg.remove("id_token_signed_response_alg");
    assertThat(assertRejects(rule.evaluate(register(noIdTokenAlg)), "invalid_client_metadata").description())
        .startsWith("id_token_signed_response_alg is required");
  }
}
