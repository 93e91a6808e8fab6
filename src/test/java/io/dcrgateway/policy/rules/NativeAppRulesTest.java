package io.dcrgateway.policy.rules;

import static io.dcrgateway.policy.PolicyFixture.assertPasses;
import static io.dcrgateway.policy.PolicyFixture.assertRejects;
import static io.dcrgateway.policy.PolicyFixture.problems;
import static io.dcrgateway.policy.PolicyFixture.register;
import static io.dcrgateway.policy.PolicyFixture.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Mobile routes (issue 9): native apps per RFC 8252, checked without a software statement. */
class NativeAppRulesTest {

  private static final Map<String, Object> MOBILE = Map.of("private-use-schemes", List.of("com.example.app"),
      "patterns", List.of("http://127\\.0\\.0\\.1(:[0-9]+)?/callback"));

  private static JsonObject redirects(String... uris) {
    return new JsonObject().put("redirect_uris", new JsonArray(List.of((Object[]) uris)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"com.example.app:/oauth2redirect", "http://127.0.0.1:51004/callback"})
  void acceptsThePrivateUseSchemeAndLoopbackPatternOfRfc8252(String uri) {
    assertPasses(rule("redirect-uris.match-patterns", MOBILE).evaluate(register(redirects(uri))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"com.example.app://oauth2redirect", "com.other.app:/oauth2redirect",
      "https://evil.example/cb", "http://127.0.0.1:51004/callback/../x", "com.example.app:/cb#frag"})
  void refusesOtherSchemesAuthoritiesAndHosts(String uri) {
    var reject = assertRejects(rule("redirect-uris.match-patterns", MOBILE)
        .evaluate(register(redirects("com.example.app:/ok", uri))), "invalid_redirect_uri");
    assertThat(reject.description()).contains(uri);
  }

  @Test
  void privateUseSchemesAreReverseDomainNames() {
    assertThat(problems("redirect-uris.match-patterns", Map.of("private-use-schemes", List.of("myapp"))))
        .singleElement().asString().contains("RFC 8252");
    assertThat(problems("redirect-uris.match-patterns", Map.of())).hasSize(1);
  }

  @Test
  void applicationTypeMustBeNativeAndPresent() {
    io.dcrgateway.policy.Rule nativeOnly = rule("application-type.allowed");

    assertPasses(nativeOnly.evaluate(register(new JsonObject().put("application_type", "native"))));
    assertRejects(nativeOnly.evaluate(register(new JsonObject().put("application_type", "web"))),
        "invalid_client_metadata");
    assertRejects(nativeOnly.evaluate(register(new JsonObject())), "invalid_client_metadata");
  }
}
