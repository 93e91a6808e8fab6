package io.dcrgateway.cli;

import io.dcrgateway.audit.AuditFile;
import io.dcrgateway.audit.AuditLog;
import io.dcrgateway.config.AuditConfig;
import io.dcrgateway.config.ConfigException;
import io.dcrgateway.config.ConfigLoader;
import io.dcrgateway.config.ConfigProblem;
import io.dcrgateway.config.FileChecks;
import io.dcrgateway.config.GatewayConfig;
import io.dcrgateway.config.ProblemReport;
import io.dcrgateway.config.SetupException;
import io.dcrgateway.devpki.FirstRunPki;
import io.dcrgateway.metrics.GatewayMetrics;
import io.dcrgateway.metrics.InstrumentedVertx;
import io.dcrgateway.reload.HotReload;
import io.dcrgateway.server.GatewayServer;
import io.dcrgateway.server.Preflight;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Starts the gateway. Everything that can be wrong with the config or its files is reported
 * before any port is bound, and the process exits non-zero instead of half-starting.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Start the gateway.")
final class RunCommand implements java.util.concurrent.Callable<Integer> {

  private static final long DRAIN_MILLIS = 10_000;

  @Option(names = "--config", required = true, description = "Gateway config file (YAML).")
  private Path config;

  @Override
  public Integer call() throws InterruptedException {
    NativePreload.start();
    ConfigLoader.Loaded loaded;
    GatewayConfig gatewayConfig;
    Preflight preflight;
    try {
      loaded = ConfigLoader.loadWithFiles(config, System::getenv, FileChecks.ALLOW_PENDING_DEV_PKI);
      gatewayConfig = loaded.config();
      gatewayConfig.dev().ifPresent(dev -> FirstRunPki.ensure(dev, config,
          message -> System.out.println("dcr-gateway: " + message)));
      preflight = Preflight.of(gatewayConfig);
    } catch (ConfigException e) {
      return report(e.problems());
    } catch (SetupException e) {
      return report(e.problems());
    }

    Optional<AuditFile> auditFile;
    try {
      auditFile = openAuditFile(gatewayConfig.audit());
    } catch (IOException e) {
      return report(List.of(new ConfigProblem("audit.file", "cannot open for appending: " + e.getMessage())));
    }
    AuditLog audit = auditFile.<AuditLog>map(AuditLog::toLoggerAnd).orElseGet(AuditLog::toLogger);

    // One registry for the gateway's own metrics and Vert.x's.
    GatewayMetrics metrics = GatewayMetrics.create();
    Vertx vertx = InstrumentedVertx.create(metrics, gatewayConfig.listener().transport(),
        gatewayConfig.admin().vertxHttpMetrics());
    GracefulStop stop = new GracefulStop(vertx, audit, auditFile, DRAIN_MILLIS);
    GatewayServer server;
    try {
      server = GatewayServer.start(vertx, gatewayConfig, preflight, audit, metrics)
          .await(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      if (!stop.withdraw()) {
        stop.await(); // SIGTERM during the start: the stop has it
        return 0;
      }
      System.err.println("dcr-gateway: cannot start: " + e.getMessage());
      vertx.close();
      auditFile.ifPresent(GracefulStop::closeQuietly);
      return 1;
    }
    GatewayServer started = server;
    stop.serving(started, () -> {
      System.out.println("dcr-gateway listening on https://" + gatewayConfig.listener().host() + ":"
          + started.port() + gatewayConfig.listener().registrationPath()
          + (started.adminPort() > 0 ? ", admin on http://" + gatewayConfig.admin().host() + ":" + started.adminPort() : "")
          + ", forwarding to " + gatewayConfig.upstream().baseUrl() + gatewayConfig.upstream().registrationPath()
          + "; transport " + InstrumentedVertx.transportOf(vertx, gatewayConfig.listener().transport())
          + ", " + gatewayConfig.listener().serversOnThisMachine() + " server(s)"
          + "; crypto " + preflight.crypto().description());
      JsonWarmUp.start();
      return HotReload.install(vertx, config, loaded, started, metrics, audit);
    });
    stop.await();
    return 0;
  }

  private static Optional<AuditFile> openAuditFile(AuditConfig config) throws IOException {
    if (config.file().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(AuditFile.open(config.file().get(), config.maxFileBytes(), Clock.systemUTC()));
  }

  private int report(List<ConfigProblem> problems) {
    return ProblemReport.print(System.err, "dcr-gateway", config, problems);
  }
}
