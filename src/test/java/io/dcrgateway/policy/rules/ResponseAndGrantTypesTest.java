package io.dcrgateway.policy.rules;

import static io.dcrgateway.policy.PolicyFixture.assertPasses;
import static io.dcrgateway.policy.PolicyFixture.assertRejects;
import static io.dcrgateway.policy.PolicyFixture.register;
import static io.dcrgateway.policy.PolicyFixture.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** UK DCR (SPEC UK-13), OFB request shape (BR-24), Appendix E 9: response and grant types. */
class ResponseAndGrantTypesTest {

  @ParameterizedTest
  @ValueSource(strings = {"[\"code id_token\"]", "[\"id_token code\"]", "[\"code\"]", "[\"code\", \"code  id_token\"]", "[]"})
  void acceptsCodeAndHybridResponseTypesInAnyValueOrder(String responseTypes) {
    assertPasses(rule("response-types.allowed")
        .evaluate(register(new JsonObject("{\"response_types\": " + responseTypes + ", \"unknown\": {}}"))));
  }

  @Test
  void acceptsAbsentResponseTypes() {
    assertPasses(rule("response-types.allowed").evaluate(register(new JsonObject())));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "[\"id_token\", \"token\"]   | \"id_token\"",
      "[\"code id_token token\"]   | \"code id_token token\"",
      "[\"code\", \"token\"]       | \"token\"",
      "[5]                         | 5",
  })
  void rejectsOtherResponseTypesLikeUkDcr011(String responseTypes, String offending) {
    var reject = assertRejects(rule("response-types.allowed")
        .evaluate(register(new JsonObject("{\"response_types\": " + responseTypes + "}"))), "invalid_client_metadata");
    assertThat(reject.description())
        .isEqualTo("response_types entry " + offending + " is not accepted; use only: \"code\", \"code id_token\"");
  }

  @Test
  void rejectsResponseTypesThatAreNotAnArray() {
    assertThat(assertRejects(rule("response-types.allowed").evaluate(register(new JsonObject().put("response_types", "code"))),
        "invalid_client_metadata").description()).contains("must be a JSON array");
  }

  @Test
  void fapi2ProfileMayAllowOnlyCode() {
    var rule = rule("response-types.allowed", Map.of("allowed", List.of("code")));
    assertRejects(rule.evaluate(register(new JsonObject("{\"response_types\": [\"code id_token\"]}"))),
        "invalid_client_metadata");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "[\"authorization_code\", \"implicit\", \"refresh_token\", \"client_credentials\"]",
      "[\"client_credentials\", \"refresh_token\", \"implicit\", \"authorization_code\"]",
      "[\"refresh_token\", \"authorization_code\"]",
      "[\"client_credentials\"]",
  })
  void acceptsTheSuitesGrantTypesInAnyOrder(String grantTypes) {
    assertPasses(rule("grant-types.allowed")
        .evaluate(register(new JsonObject("{\"grant_types\": " + grantTypes + ", \"x\": 1}"))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"password", "urn:ietf:params:oauth:grant-type:device_code"})
  void rejectsOtherGrantTypes(String grant) {
    var reject = assertRejects(rule("grant-types.allowed")
        .evaluate(register(new JsonObject("{\"grant_types\": [\"authorization_code\", \"" + grant + "\"]}"))),
        "invalid_client_metadata");
    assertThat(reject.description()).isEqualTo("grant_types value \"" + grant + "\" is not accepted; use only:"
        + " authorization_code, refresh_token, client_credentials, implicit");
  }

  @Test
  void ukAllowsCibaButNotImplicit() {
    var rule = rule("grant-types.allowed", Map.of("allowed", List.of("authorization_code", "refresh_token",
        "client_credentials", "urn:openid:params:grant-type:ciba")));
    assertPasses(rule.evaluate(register(new JsonObject("{\"grant_types\": [\"urn:openid:params:grant-type:ciba\"]}"))));
    assertRejects(rule.evaluate(register(new JsonObject("{\"grant_types\": [\"implicit\"]}"))), "invalid_client_metadata");
  }

  @Test
  void rejectsGrantTypesThatAreNotAnArray() {
    assertRejects(rule("grant-types.allowed").evaluate(register(new JsonObject().put("grant_types", "authorization_code"))),
        "invalid_client_metadata");
  }
}
