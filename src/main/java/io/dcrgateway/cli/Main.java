package io.dcrgateway.cli;

import io.dcrgateway.devpki.DevPkiCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar dcr-gateway.jar <command>}: the one entry point of the executable jar. */
@Command(
    name = "dcr-gateway",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "mTLS gateway in front of an identity server's Dynamic Client Registration endpoint.",
    subcommands = {
        RunCommand.class,
        CheckConfigCommand.class,
        DevPkiCommand.class,
        io.dcrgateway.devpki.MintSsaCommand.class,
        HealthcheckCommand.class,
        AuditCommand.class,
        io.dcrgateway.devstack.DevStackCommand.class,
        CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    Logging.configure();
    System.exit(execute(args));
  }

  static int execute(String... args) {
    return new CommandLine(new Main()).execute(args);
  }

  @Override
  public void run() {
    // picocli prints the usage with this message
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }
}
