package io.dcrgateway.cli;

import io.dcrgateway.config.ByteSizeFormat;
import io.dcrgateway.config.ConfigException;
import io.dcrgateway.config.ConfigProblem;
import io.dcrgateway.config.SetupException;
import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.policy.Profiles;
import io.dcrgateway.server.Preflight;
import io.dcrgateway.config.ConfigLoader;
import io.dcrgateway.config.DurationFormat;
import io.dcrgateway.config.ForwardingConfig.CertificateHeader;
import io.dcrgateway.config.GatewayConfig;
import io.dcrgateway.config.ListenerConfig;
import io.dcrgateway.config.TrustConfig;
import io.dcrgateway.config.UpstreamConfig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Validates a config file the way {@code run} would load it, without binding a port, so CI and
 * operators catch every mistake before a deploy.
 *
 * <p>Exit status: 0 valid; 1 one or more problems, each printed to stderr as
 * {@code <file>: <key>: <message>}; 2 the file cannot be read at all (picocli also uses 2 for
 * usage errors such as a missing {@code --config}).
 */
@Command(name = "check-config", mixinStandardHelpOptions = true,
    description = "Validate a gateway config file and the files it names, then summarise it.")
public final class CheckConfigCommand implements Callable<Integer> {

  @Option(names = "--config", required = true, paramLabel = "FILE", description = "Gateway config file (YAML).")
  private Path config;

  @Spec
  private CommandSpec spec;

  private final Function<String, String> env;

  public CheckConfigCommand() {
    this(System::getenv);
  }

  /** @param env stands in for the process environment in {@code ${VAR}} references */
  public CheckConfigCommand(Function<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isRegularFile(config) || !Files.isReadable(config)) {
      err.println(config + ": cannot read the file");
      err.flush();
      return 2;
    }
    try {
      GatewayConfig loaded = ConfigLoader.load(config, env);
      boolean pendingDevPki = pendingDevPki(loaded);
      // What run checks before it listens: certificates and keys parse and match, profiles build.
      if (pendingDevPki) {
        Profiles.build(loaded.registration());
      } else {
        Preflight.of(loaded);
      }
      out.println("OK: " + config);
      out.println(summary(loaded));
      if (pendingDevPki) {
        out.println("Certificates not inspected: the development PKI is not generated yet (run does it).");
      }
      out.flush();
      return 0;
    } catch (ConfigException e) {
      return report(err, e.problems());
    } catch (SetupException e) {
      return report(err, e.problems());
    }
  }

  private int report(PrintWriter err, java.util.List<ConfigProblem> problems) {
    problems.forEach(problem -> err.println(config + ": " + problem));
    err.flush();
    return 1;
  }

  private static boolean pendingDevPki(GatewayConfig config) {
    return config.dev().map(dev -> !Files.exists(new DevPkiLayout(dev.generatePki()).manifest())).orElse(false);
  }

  /** One paragraph an operator can compare with what they meant to configure. */
  static String summary(GatewayConfig config) {
    ListenerConfig listener = config.listener();
    TrustConfig trust = config.trust();
    UpstreamConfig upstream = config.upstream();
    return "Listener https://" + listener.host() + ":" + listener.port() + listener.registrationPath()
        + " (" + String.join(", ", listener.tls().protocols())
        + "; client certificate " + switch (listener.tls().clientAuth()) {
          case REQUEST -> "requested";
          case REQUIRE -> "required";
        }
        + "; " + listener.tls().cipherSuites().size() + " cipher suites"
        + "; max body " + ByteSizeFormat.format(listener.maxBodyBytes())
        + "; handshake timeout " + DurationFormat.format(listener.tls().handshakeTimeout())
        + ", idle timeout " + DurationFormat.format(listener.idleTimeout()) + ")."
        + " Trust domains: " + trust.domains().stream()
            .map(domain -> domain.name() + " (" + count(domain.anchors().size(), "anchor file")
                + ", " + count(domain.intermediates().size(), "intermediates file") + ")")
            .collect(Collectors.joining(", "))
        + "; minimum keys RSA " + trust.keyMinimums().rsaBits() + " bits, EC " + trust.keyMinimums().ecBits() + " bits."
        + " Upstream " + upstream.baseUrl() + upstream.registrationPath()
        + " (connect timeout " + DurationFormat.format(upstream.connectTimeout())
        + ", response timeout " + DurationFormat.format(upstream.responseTimeout())
        + ", pool " + upstream.poolSize() + ")."
        + " Client certificate forwarded as " + config.forwarding().certificateHeaders().stream()
            .map(CheckConfigCommand::describe).collect(Collectors.joining(" and ")) + "."
        + " Registration profile " + config.registration().profile()
        + (config.registration().directories().isEmpty() ? ", no software statement directories."
            : ", software statements from " + config.registration().directories().stream()
                .map(d -> d.name() + " (\"" + d.issuer() + "\")").collect(Collectors.joining(", ")) + ".")
        + (config.admin().enabled()
            ? " Admin on http://" + config.admin().host() + ":" + config.admin().port() + "."
            : " Admin listener disabled.")
        + config.dev().map(dev -> " Development PKI in " + dev.generatePki()
            + " (generated by run when missing; never in production).").orElse("");
  }

  private static String describe(CertificateHeader header) {
    return header.format().configName() + " in " + String.join(" + ", header.headerNames());
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
