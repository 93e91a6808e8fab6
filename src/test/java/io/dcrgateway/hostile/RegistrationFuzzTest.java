package io.dcrgateway.hostile;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.dcrgateway.error.GatewayException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;

/**
 * Whatever a TPP sends, the parse, software statement and rule stages either accept it or refuse
 * it with a 4xx RFC 7591 §3.2.2 error: never another exception (a 500), never an unanswered
 * request. Duplicate keys are part of the corpus: they must be refused, so the gateway and the
 * identity server cannot read different values from one body.
 *
 * <p>The normal test run replays the corpus in {@code src/test/resources/io/dcrgateway/hostile/
 * RegistrationFuzzTestInputs/everyInputIsRefusedWithA4xxOrAccepted/} (regression mode, about a
 * second). Coverage-guided fuzzing for a fixed time, new crashers landing in that directory:
 * <pre>
 * JAZZER_FUZZ=1 JAZZER_MAX_DURATION=5m JAZZER_INSTRUMENT='io.dcrgateway.**,com.nimbusds.**,com.fasterxml.jackson.**' \
 *     ./mvnw -B test -DskipE2E -Dtest=RegistrationFuzzTest -Djazzer.hooks=true
 * </pre>
 * (Jazzer reads its options from {@code JAZZER_*} variables, which reach surefire's forked JVM;
 * the pom turns its instrumentation off unless {@code jazzer.hooks} is true, which fuzzing needs.
 * The generated corpus goes to {@code .cifuzz-corpus/}, which is not committed.)
 * See {@link FuzzedRegistration} for how an input is read.
 */
class RegistrationFuzzTest {

  private static FuzzedRegistration registration;

  @BeforeAll
  static void wire() throws Exception {
    registration = FuzzedRegistration.create();
  }

  @FuzzTest(maxDuration = "10m")
  void everyInputIsRefusedWithA4xxOrAccepted(byte[] input) throws Exception {
    Future<Buffer> outcome = registration.run(input);

    if (!outcome.isComplete()) {
      throw new AssertionError("the stages left the request unanswered");
    }
    if (outcome.succeeded()) {
      // Whatever passed is forwarded as JSON the identity server can read.
      new JsonObject(outcome.result());
      return;
    }
    if (!(outcome.cause() instanceof GatewayException refusal)) {
      throw new AssertionError("not a GatewayException (would be a 500)", outcome.cause());
    }
    if (refusal.status() < 400 || refusal.status() > 499 || refusal.error() == null
        || refusal.description() == null || refusal.description().isBlank()) {
      throw new AssertionError("not a clear 4xx: " + refusal.status() + " " + refusal.error() + " ("
          + refusal.reason() + ") " + refusal.description());
    }
  }
}
