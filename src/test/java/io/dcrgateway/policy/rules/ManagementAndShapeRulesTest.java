package io.dcrgateway.policy.rules;

import static io.dcrgateway.policy.PolicyFixture.assertPasses;
import static io.dcrgateway.policy.PolicyFixture.assertRejects;
import static io.dcrgateway.policy.PolicyFixture.register;
import static io.dcrgateway.policy.PolicyFixture.rule;
import static io.dcrgateway.policy.PolicyFixture.update;
import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.policy.Operation;
import io.dcrgateway.policy.Rule;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 7592 §2.2 (SPEC RFC-08, BRM-06) on updates, UK-16 required fields and the OFB webhook_uris
 * pattern (BR-19).
 */
class ManagementAndShapeRulesTest {

  // --- client-id.matches-path

  @Test
  void acceptsAnUpdateWhoseClientIdIsTheAddressedClient() {
    assertPasses(rule("client-id.matches-path").evaluate(update("client-1", new JsonObject()
        .put("client_id", "client-1").put("vendor", "x"))));
  }

  @Test
  void rejectsAnUpdateNamingAnotherClient() {
    var reject = assertRejects(rule("client-id.matches-path").evaluate(update("client-1", new JsonObject()
        .put("client_id", "client-2"))), "invalid_client_metadata");
    assertThat(reject.description()).isEqualTo("client_id \"client-2\" is not the client this"
        + " registration_client_uri addresses (\"client-1\") (RFC 7592 §2.2)");
  }

  @Test
  void rejectsAnUpdateWithoutClientId() {
    var reject = assertRejects(rule("client-id.matches-path").evaluate(update("client-1", new JsonObject())),
        "invalid_client_metadata");
    assertThat(reject.description()).startsWith("client_id is required in an update and must be \"client-1\"");
  }

  @Test
  void clientIdRuleAppliesToUpdatesOnly() {
    assertThat(rule("client-id.matches-path").operations()).containsExactly(Operation.UPDATE);
  }

  // --- management-fields.absent

  @Test
  void acceptsAnUpdateWithoutServerIssuedFields() {
    assertPasses(rule("management-fields.absent").evaluate(update("client-1", new JsonObject()
        .put("client_id", "client-1").put("client_secret", "s").put("redirect_uris", new JsonArray()))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"registration_access_token", "registration_client_uri", "client_secret_expires_at",
      "client_id_issued_at"})
  void rejectsAnUpdateCarryingAServerIssuedField(String field) {
    var reject = assertRejects(rule("management-fields.absent").evaluate(update("client-1", new JsonObject()
        .put("client_id", "client-1").put(field, 0))), "invalid_client_metadata");
    assertThat(reject.description()).isEqualTo("remove " + field + " from the update: the server issues it (RFC 7592 §2.2)");
  }

  @Test
  void namesEveryServerIssuedFieldPresent() {
    var reject = assertRejects(rule("management-fields.absent").evaluate(update("client-1", new JsonObject()
        .put("registration_access_token", "t").put("client_id_issued_at", 1))), "invalid_client_metadata");
    assertThat(reject.description()).startsWith("remove registration_access_token, client_id_issued_at from the update");
    assertThat(rule("management-fields.absent").operations()).containsExactly(Operation.UPDATE);
  }

  // --- required-fields

  @Test
  void acceptsARequestCarryingEveryRequiredField() {
    Rule rule = rule("required-fields", Map.of("fields", List.of("application_type", "grant_types")));
    assertPasses(rule.evaluate(register(new JsonObject().put("application_type", "web")
        .put("grant_types", new JsonArray().add("client_credentials")).put("other", true))));
  }

  @Test
  void rejectsNamingEveryMissingOrNullField() {
    Rule rule = rule("required-fields", Map.of("fields",
        List.of("application_type", "id_token_signed_response_alg", "request_object_signing_alg")));
    var reject = assertRejects(rule.evaluate(register(new JsonObject().putNull("application_type")
        .put("id_token_signed_response_alg", "PS256"))), "invalid_client_metadata");
    assertThat(reject.description()).isEqualTo("missing required fields application_type, request_object_signing_alg"
        + " (this server requires: application_type, id_token_signed_response_alg, request_object_signing_alg)");
  }

  // --- webhook-uris.https

  @ParameterizedTest
  @ValueSource(strings = {"https://tpp.example", "https://tpp.example/hooks/open-finance", "https://tpp.example:8443/a"})
  void acceptsHttpsWebhookUrisOfHostAndPath(String uri) {
    assertPasses(rule("webhook-uris.https").evaluate(register(new JsonObject()
        .put("webhook_uris", new JsonArray().add(uri)))));
  }

  @Test
  void acceptsAbsentWebhookUris() {
    assertPasses(rule("webhook-uris.https").evaluate(register(new JsonObject())));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://tpp.example/hooks", "https://tpp.example/hooks/", "https://tpp.example/hooks?x=1",
      "https://tpp.example/hooks#f", "https://tpp.example/a b", "https://", "tpp.example/hooks"})
  void rejectsOtherWebhookUrisWithInvalidWebhookUris(String uri) {
    var reject = assertRejects(rule("webhook-uris.https").evaluate(register(new JsonObject()
        .put("webhook_uris", new JsonArray().add("https://tpp.example/ok").add(uri)))), "invalid_webhook_uris");
    assertThat(reject.description()).startsWith("webhook_uris[1] ").contains("no query, fragment");
  }

  @Test
  void rejectsWebhookUrisThatAreNotAnArray() {
    assertRejects(rule("webhook-uris.https").evaluate(register(new JsonObject().put("webhook_uris", "https://tpp.example"))),
        "invalid_webhook_uris");
  }
}
