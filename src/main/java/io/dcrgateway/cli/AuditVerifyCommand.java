package io.dcrgateway.cli;

import io.dcrgateway.audit.AuditVerification;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code audit verify FILE...}: for auditors; exit 0 only for an unbroken chain, 1 at the first break. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Check the hash chain of audit files (oldest first); report the first broken record.")
final class AuditVerifyCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Audit files, oldest first.")
  private List<Path> files;

  @Option(names = "--start", paramLabel = "HASH",
      description = "Hash the first record must link to (the last hash of an earlier verified trail); default: genesis.")
  private String start;

  @Override
  public Integer call() {
    try {
      AuditVerification.Result result = AuditVerification.verify(files, Optional.ofNullable(start));
      if (result.intact()) {
        System.out.println("OK: " + result.records() + " records; last hash " + result.lastHash());
        return 0;
      }
      System.err.println("BROKEN: " + result.firstBreak().get());
      System.err.println(result.records() + " records verified before it; last good hash " + result.lastHash());
      return 1;
    } catch (java.io.IOException e) {
      System.err.println("audit verify: cannot read: " + e.getMessage());
      return 2;
    }
  }
}
