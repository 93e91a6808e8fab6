package io.dcrgateway.policy.rules;

import static io.dcrgateway.policy.PolicyFixture.JWKS_URI;
import static io.dcrgateway.policy.PolicyFixture.OFB_CERTIFICATE;
import static io.dcrgateway.policy.PolicyFixture.assertAmends;
import static io.dcrgateway.policy.PolicyFixture.assertPasses;
import static io.dcrgateway.policy.PolicyFixture.assertRejects;
import static io.dcrgateway.policy.PolicyFixture.context;
import static io.dcrgateway.policy.PolicyFixture.ofbClaims;
import static io.dcrgateway.policy.PolicyFixture.ofbStatement;
import static io.dcrgateway.policy.PolicyFixture.register;
import static io.dcrgateway.policy.PolicyFixture.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.policy.Operation;
import io.dcrgateway.policy.Rule;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 7591 §2 (jwks vs jwks_uri) and OFB DCR 7.1-5 / 7.1.1-2 (SPEC BR-10). */
class JwksRulesTest {

  private static final JsonObject KEYS = new JsonObject().put("keys", new JsonArray());

  @Test
  void rejectsJwksAndJwksUriTogether() {
    var reject = assertRejects(rule("jwks.not-both").evaluate(register(new JsonObject()
        .put("jwks", KEYS).put("jwks_uri", JWKS_URI))), "invalid_client_metadata");
    assertThat(reject.description()).contains("jwks and jwks_uri", "send only jwks_uri");
  }

  @Test
  void acceptsEitherJwksOrJwksUriAlone() {
    Rule rule = rule("jwks.not-both");
    assertPasses(rule.evaluate(register(new JsonObject().put("jwks", KEYS))));
    assertPasses(rule.evaluate(register(new JsonObject().put("jwks_uri", JWKS_URI).put("x-unknown", 1))));
  }

  @Test
  void acceptsJwksUriEqualToTheStatementsSoftwareJwksUri() {
    assertPasses(rule("jwks-uri.matches-software-statement")
        .evaluate(register(new JsonObject().put("jwks_uri", JWKS_URI).put("unknown_field", "kept"))));
  }

  @Test
  void rejectsJwksUriThatIsNotExactlyTheStatements() {
    Rule rule = rule("jwks-uri.matches-software-statement");
    for (Object sent : new Object[] {JWKS_URI + "/", JWKS_URI.toUpperCase(), "https://attacker.example/jwks", 42}) {
      var reject = assertRejects(rule.evaluate(register(new JsonObject().put("jwks_uri", sent))), "invalid_client_metadata");
      assertThat(reject.description()).contains("jwks_uri", "software_jwks_uri", JWKS_URI);
    }
  }

  @Test
  void defaultsAbsentJwksUriFromTheStatement() {
    JsonObject request = new JsonObject().put("client_name", "x");
    JsonObject amended = assertAmends(rule("jwks-uri.matches-software-statement").evaluate(register(request)));
    assertThat(amended).isEqualTo(new JsonObject().put("client_name", "x").put("jwks_uri", JWKS_URI));
    assertThat(request.containsKey("jwks_uri")).as("the request itself is not mutated").isFalse();
  }

  @Test
  void leavesJwksUriAbsentWhenDefaultingIsOff() {
    assertPasses(rule("jwks-uri.matches-software-statement", Map.of("default-from-statement", false))
        .evaluate(register(new JsonObject())));
  }

  @Test
  void neverAddsJwksUriNextToJwksByValue() {
    assertPasses(rule("jwks-uri.matches-software-statement").evaluate(register(new JsonObject().put("jwks", KEYS))));
  }

  @Test
  void rejectsJwksUriWhenTheStatementHasNoneToCompareWith() {
    JsonObject claims = ofbClaims();
    claims.remove("software_jwks_uri");
    var reject = assertRejects(rule("jwks-uri.matches-software-statement").evaluate(context(Operation.REGISTER,
        new JsonObject().put("jwks_uri", JWKS_URI), Optional.of(ofbStatement(claims)), OFB_CERTIFICATE, Optional.empty())),
        "invalid_client_metadata");
    assertThat(reject.description()).contains("no software_jwks_uri");
  }

  @Test
  void passesWithoutAStatementToCompareWith() {
    assertPasses(rule("jwks-uri.matches-software-statement").evaluate(context(Operation.REGISTER,
        new JsonObject().put("jwks_uri", "https://x.example/jwks"), Optional.empty(), OFB_CERTIFICATE, Optional.empty())));
  }
}
