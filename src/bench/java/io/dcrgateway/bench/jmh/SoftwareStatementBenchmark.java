package io.dcrgateway.bench.jmh;

import io.dcrgateway.statement.SoftwareStatement;
import io.dcrgateway.statement.SoftwareStatementVerifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Stage software statement of every registration: parse the compact JWS, choose the directory by
 * iss, select the key by kid, PS256 signature (one RSA-2048 verify, the floor), issuer, iat and
 * exp. The key set is in memory, as it is once the directory's JWKS is cached. {@code crypto}:
 * the signature checked by the JDK ({@code built-in}) or by AWS-LC ({@code aws-lc}).
 */
@State(Scope.Benchmark)
public class SoftwareStatementBenchmark {

  @Param({"built-in", "aws-lc"})
  public String crypto;

  private SoftwareStatementVerifier verifier;
  private String statement;

  @Setup
  public void setUp() throws Exception {
    HotPath hotPath = HotPath.get();
    verifier = crypto.equals("aws-lc") ? hotPath.awsLcStatements : hotPath.statements;
    statement = hotPath.statement;
    verifyStatement();
  }

  @Benchmark
  public SoftwareStatement verifyStatement() {
    // Complete on return: the keys are in memory, so nothing waits.
    var verified = verifier.verify(statement);
    if (verified.failed()) {
      throw new IllegalStateException("the dev statement must verify", verified.cause());
    }
    return verified.result();
  }
}
