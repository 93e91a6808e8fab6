package io.dcrgateway.devstack;

import io.dcrgateway.config.ConfigException;
import io.dcrgateway.config.ConfigLoader;
import io.dcrgateway.config.ConfigProblem;
import io.dcrgateway.config.DevConfig;
import io.dcrgateway.config.GatewayConfig;
import io.dcrgateway.config.ProblemReport;
import io.dcrgateway.config.SetupException;
import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.devpki.FirstRunPki;
import io.dcrgateway.server.Preflight;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dev-stack}: Keycloak and the gateway in front of it on this machine, one real
 * registration through the gateway to show the whole path, then both kept running until Ctrl-C.
 */
@Command(
    name = "dev-stack",
    mixinStandardHelpOptions = true,
    description = {
        "Start Keycloak and the gateway in front of it, register the dev client",
        DevPkiLayout.OFB_TPP1_A + " through the gateway over mutual TLS, print what Keycloak holds,",
        "and keep both running until Ctrl-C. Development only."})
public final class DevStackCommand implements Callable<Integer> {

  @Option(names = "--config", required = true, paramLabel = "<file>",
      description = "Gateway config (YAML); its upstream must be http://127.0.0.1:<keycloak-port>.")
  private Path config;

  @Option(names = "--keycloak-home", paramLabel = "<dir>", defaultValue = KeycloakDistribution.DEFAULT_HOME,
      description = "Unpacked Keycloak distribution (default: ${DEFAULT-VALUE}).")
  private Path keycloakHome;

  @Option(names = "--keycloak-port", paramLabel = "<port>", defaultValue = "8080",
      description = "Keycloak's port on 127.0.0.1 (default: ${DEFAULT-VALUE}, the shipped config's upstream).")
  private int keycloakPort;

  @Option(names = "--realm-file", paramLabel = "<file>",
      description = "Realm to import (default: keycloak/dcr-realm.json beside the config).")
  private Path realmFile;

  @Option(names = "--keycloak-log", paramLabel = "<file>", defaultValue = "target/keycloak-dev.log",
      description = "Keycloak's console output (default: ${DEFAULT-VALUE}).")
  private Path keycloakLog;

  @Override
  public Integer call() throws InterruptedException {
    PrintStream out = System.out;
    GatewayConfig gatewayConfig;
    Preflight preflight;
    try {
      gatewayConfig = ConfigLoader.load(config);
      generateDevPkiIfMissing(gatewayConfig, out);
      preflight = Preflight.of(gatewayConfig);
    } catch (ConfigException e) {
      return report(e.problems());
    } catch (SetupException e) {
      return report(e.problems());
    }

    RunningStack stack = new RunningStack();
    Thread stopOnSignal = new Thread(() -> stopOnSignal(stack, out), "dev-stack-stop");
    Runtime.getRuntime().addShutdownHook(stopOnSignal);
    try {
      StackReport report = new StackStartup(config, keycloakHome, keycloakPort, realmFile, keycloakLog, out)
          .bringUp(gatewayConfig, preflight, stack);
      stack.serving();
      report.print(out);
    } catch (DevStackException e) {
      if (stack.isClosing()) {
        // Ctrl-C during start-up: the shutdown hook is stopping everything and ends the JVM
        return 1;
      }
      System.err.println("dev-stack: " + e.getMessage());
      stack.close();
      try {
        Runtime.getRuntime().removeShutdownHook(stopOnSignal);
      } catch (IllegalStateException alreadyShuttingDown) {
        // the hook finds everything stopped
      }
      return 1;
    }
    // the shutdown hook ends the JVM on Ctrl-C or SIGTERM
    new CountDownLatch(1).await();
    return 0;
  }

  /** Ctrl-C is this command's normal end once the demo went through: exit 0, not 130 or 143. */
  private static void stopOnSignal(RunningStack stack, PrintStream out) {
    boolean normalEnd = stack.isServing();
    out.println();
    out.println("dev-stack: stopping the gateway and Keycloak");
    stack.close();
    out.println("dev-stack: stopped");
    out.flush();
    System.err.flush();
    if (normalEnd) {
      Runtime.getRuntime().halt(0);
    }
  }

  /** As run does: the shipped config names a dev PKI directory a fresh clone does not have yet. */
  private void generateDevPkiIfMissing(GatewayConfig gatewayConfig, PrintStream out) {
    DevConfig dev = gatewayConfig.dev().orElseThrow(() -> new ConfigException(config, List.of(new ConfigProblem(
        "dev", "dev-stack registers with a dev PKI certificate: the config needs dev.generate-pki"))));
    FirstRunPki.ensure(dev, config, message -> out.println("dev-stack: " + message));
  }

  private int report(List<ConfigProblem> problems) {
    return ProblemReport.print(System.err, "dev-stack", config, problems);
  }
}
