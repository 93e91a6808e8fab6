package io.dcrgateway.cli;

import io.dcrgateway.devpki.DevPkiCommand;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar dcr-gateway.jar <command>}: the one entry point of the executable jar.
 *
 * <p>picocli reads a command's annotations by reflection when it is registered: all eight took
 * about 200 ms of a gateway's start. A command line naming a command registers that one alone;
 * anything else (help, no command, a mistyped one) gets them all, so usage and suggestions list
 * every command.
 */
@Command(
    name = "dcr-gateway",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "mTLS gateway in front of an identity server's Dynamic Client Registration endpoint.")
public final class Main implements Runnable {

  /** Every command, by name, in the order usage lists them. */
  static final Map<String, Class<?>> COMMANDS = commands(
      RunCommand.class,
      CheckConfigCommand.class,
      DevPkiCommand.class,
      io.dcrgateway.devpki.MintSsaCommand.class,
      HealthcheckCommand.class,
      AuditCommand.class,
      io.dcrgateway.devstack.DevStackCommand.class,
      CommandLine.HelpCommand.class);

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    Logging.configure();
    NettyJfrEvents.offUnlessAsked();
    System.exit(execute(args));
  }

  static int execute(String... args) {
    return commandLine(args).execute(args);
  }

  /** The command line for {@code args}: the command they name, or every command. */
  public static CommandLine commandLine(String... args) {
    CommandLine line = new CommandLine(new Main());
    Class<?> named = args.length == 0 ? null : COMMANDS.get(args[0]);
    if (named != null && named != CommandLine.HelpCommand.class) {
      line.addSubcommand(args[0], named);
    } else {
      COMMANDS.forEach(line::addSubcommand);
    }
    return line;
  }

  private static Map<String, Class<?>> commands(Class<?>... classes) {
    Map<String, Class<?>> byName = new LinkedHashMap<>();
    for (Class<?> command : classes) {
      byName.put(command.getAnnotation(Command.class).name(), command);
    }
    return Collections.unmodifiableMap(byName);
  }

  @Override
  public void run() {
    // picocli prints the usage with this message
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }
}
