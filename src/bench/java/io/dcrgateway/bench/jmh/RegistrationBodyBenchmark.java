package io.dcrgateway.bench.jmh;

import io.dcrgateway.policy.Operation;
import io.dcrgateway.policy.PolicyDecision;
import io.dcrgateway.policy.ProfileEvaluator;
import io.dcrgateway.policy.RegistrationContext;
import io.dcrgateway.proxy.JsonBody;
import io.dcrgateway.request.RequestBody;
import io.dcrgateway.statement.SoftwareStatement;
import io.dcrgateway.tls.VerifiedClient;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Stages parse and forward, for the body src/bench/run.sh sends: the strict parse of the JSON
 * metadata, and the forwarded body once the Open Finance Brasil profile added the statement's
 * values. Run with {@code -prof gc} for the bytes each allocates (gc.alloc.rate.norm): most of
 * what a keep-alive registration allocates is copies of this body and of its statement.
 */
@State(Scope.Benchmark)
public class RegistrationBodyBenchmark {

  private static final Optional<String> JSON = Optional.of("application/json");

  private Buffer sent;
  private JsonObject parsed;
  private JsonObject amended;

  @Setup
  public void setUp() throws Exception {
    HotPath hotPath = HotPath.get();
    sent = hotPath.metadata.toBuffer();
    parsed = parseBody().metadata();
    SoftwareStatement statement = hotPath.statements.verify(hotPath.statement).result();
    VerifiedClient client = hotPath.verifiedClient();
    PolicyDecision decision = ProfileEvaluator.evaluate(hotPath.openFinance,
        new RegistrationContext(Operation.REGISTER, parsed.copy(), Optional.of(statement), client, Optional.empty()));
    if (!decision.amended() || decision.rejection().isPresent()) {
      throw new IllegalStateException("the bench registration must pass the OFB profile with amendments");
    }
    amended = decision.metadata();
    System.out.printf("%nbody sent %d bytes, forwarded %d bytes%n", sent.length(), forwardedBody().length());
  }

  @Benchmark
  public RequestBody.Json parseBody() {
    return (RequestBody.Json) RequestBody.parse(JSON, sent);
  }

  @Benchmark
  public Buffer forwardedBody() {
    return JsonBody.amended(sent, parsed, amended);
  }
}
