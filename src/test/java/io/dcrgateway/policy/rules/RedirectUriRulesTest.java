package io.dcrgateway.policy.rules;

import static io.dcrgateway.policy.PolicyFixture.REDIRECT_URI;
import static io.dcrgateway.policy.PolicyFixture.assertPasses;
import static io.dcrgateway.policy.PolicyFixture.assertRejects;
import static io.dcrgateway.policy.PolicyFixture.register;
import static io.dcrgateway.policy.PolicyFixture.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** OFB DCR 7.1-6 (SPEC BR-11) and UK DCR (UK-09): redirect_uris present, well-formed, https. */
class RedirectUriRulesTest {

  @Test
  void acceptsANonEmptyArrayOfStrings() {
    assertPasses(rule("redirect-uris.required").evaluate(register(new JsonObject()
        .put("redirect_uris", new JsonArray().add(REDIRECT_URI)).put("vendor_extension", true))));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "absent                | | redirect_uris is required",
      "a string, not a list  | \"https://tpp.example/cb\" | must be a JSON array of strings",
      "an empty list         | [] | at least one redirect URI",
      "a number in the list  | [\"https://tpp.example/cb\", 7] | redirect_uris[1] must be a string",
  })
  void rejectsMissingOrMisshapenRedirectUrisWithInvalidRedirectUri(String name, String json, String message) {
    JsonObject metadata = json == null ? new JsonObject()
        : new JsonObject("{\"redirect_uris\": " + json + "}");
    var reject = assertRejects(rule("redirect-uris.required").evaluate(register(metadata)), "invalid_redirect_uri");
    assertThat(reject.description()).contains(message);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://tpp.example/callback?dummy1=lorem&dummy2=ipsum",
      "https://tpp.example:8443/cb",
      "HTTPS://tpp.example/cb",
      "https://localhost.tpp.example/cb",
  })
  void acceptsAbsoluteHttpsUris(String uri) {
    assertPasses(rule("redirect-uris.https").evaluate(register(redirects(uri))));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "http://tpp.example/cb          | absolute URI with the https scheme",
      "/callback                      | absolute URI with the https scheme",
      "com.tpp.app:/cb                | absolute URI with the https scheme",
      "https:/cb                      | must name a host",
      "https://tpp.example/cb#frag    | must not contain a fragment",
      "https://tpp.example/a b        | is not a valid URI",
      "https://localhost/cb           | must not point to localhost",
      "https://app.localhost/cb       | must not point to localhost",
      "https://127.0.0.1:8443/cb      | must not point to localhost",
      "https://[::1]/cb               | must not point to localhost",
  })
  void rejectsUrisThatAreNotPublicHttpsWithInvalidRedirectUri(String uri, String message) {
    var reject = assertRejects(rule("redirect-uris.https")
        .evaluate(register(redirects("https://tpp.example/ok", uri))), "invalid_redirect_uri");
    assertThat(reject.description()).startsWith("redirect_uris[1] ").contains(message);
  }

  @Test
  void allowsLocalhostOnlyWhenConfigured() {
    assertPasses(rule("redirect-uris.https", Map.of("allow-localhost", true))
        .evaluate(register(redirects("https://localhost:8443/cb"))));
  }

  @Test
  void leavesAbsentRedirectUrisToTheRequiredRule() {
    assertPasses(rule("redirect-uris.https").evaluate(register(new JsonObject())));
  }

  private static JsonObject redirects(String... uris) {
    JsonArray array = new JsonArray();
    for (String uri : uris) {
      array.add(uri);
    }
    return new JsonObject().put("redirect_uris", array);
  }
}
