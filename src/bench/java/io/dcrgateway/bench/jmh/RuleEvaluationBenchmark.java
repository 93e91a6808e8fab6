package io.dcrgateway.bench.jmh;

import io.dcrgateway.policy.Operation;
import io.dcrgateway.policy.PolicyDecision;
import io.dcrgateway.policy.Profile;
import io.dcrgateway.policy.ProfileEvaluator;
import io.dcrgateway.policy.RegistrationContext;
import io.dcrgateway.statement.SoftwareStatement;
import io.dcrgateway.tls.VerifiedClient;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Stage rules: the built-in Open Finance Brasil profile over the registration src/bench/run.sh
 * sends, accepted, with its amendments. The verified client is the one a TLS session keeps, so
 * whatever it caches about its certificate counts as it does across keep-alive requests.
 */
@State(Scope.Benchmark)
public class RuleEvaluationBenchmark {

  private Profile profile;
  private RegistrationContext context;

  @Setup
  public void setUp() throws Exception {
    HotPath hotPath = HotPath.get();
    profile = hotPath.openFinance;
    SoftwareStatement statement = hotPath.statements.verify(hotPath.statement).result();
    VerifiedClient client = hotPath.verifiedClient();
    JsonObject metadata = hotPath.metadata.copy();
    context = new RegistrationContext(Operation.REGISTER, metadata, Optional.of(statement), client, Optional.empty());
    PolicyDecision decision = evaluateOpenFinanceRegistration();
    if (decision.rejection().isPresent()) {
      throw new IllegalStateException("the bench registration must pass the OFB profile: " + decision.rejection());
    }
  }

  @Benchmark
  public PolicyDecision evaluateOpenFinanceRegistration() {
    return ProfileEvaluator.evaluate(profile, context);
  }
}
