package io.dcrgateway.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code audit <command>}: tools for the audit trail. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Audit trail tools.",
    subcommands = {AuditVerifyCommand.class})
final class AuditCommand implements Runnable {

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (verify)");
  }
}
