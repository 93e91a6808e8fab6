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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
    GatewayServer server;
    try {
      server = GatewayServer.start(vertx, gatewayConfig, preflight, audit, metrics)
          .await(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("dcr-gateway: cannot start: " + e.getMessage());
      vertx.close();
      closeQuietly(auditFile);
      return 1;
    }
    System.out.println("dcr-gateway listening on https://" + gatewayConfig.listener().host() + ":"
        + server.port() + gatewayConfig.listener().registrationPath()
        + (server.adminPort() > 0 ? ", admin on http://" + gatewayConfig.admin().host() + ":" + server.adminPort() : "")
        + ", forwarding to " + gatewayConfig.upstream().baseUrl() + gatewayConfig.upstream().registrationPath()
        + "; transport " + InstrumentedVertx.transportOf(vertx, gatewayConfig.listener().transport())
        + ", " + gatewayConfig.listener().serversOnThisMachine() + " server(s)"
        + "; crypto " + preflight.crypto().description());
    HotReload hotReload = HotReload.install(vertx, config, loaded, server, metrics, audit);

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      int status = 0;
      try {
        hotReload.stop();
        server.stop(DRAIN_MILLIS).await(DRAIN_MILLIS + 5_000, TimeUnit.MILLISECONDS);
        // Separately: a future chained onto close() would complete on a closed event loop.
        vertx.close().await(5, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        System.err.println("dcr-gateway: shutdown did not finish in time");
        status = 1;
      } finally {
        // After the drain: the last requests' records are written before the file is closed.
        closeQuietly(audit);
        closeQuietly(auditFile);
        stopped.countDown();
      }
      // SIGTERM is how orchestrators ask for a stop: a clean drain is success (0), not the JVM's
      // 143 for "killed by a signal".
      Runtime.getRuntime().halt(status);
    }, "dcr-gateway-shutdown"));
    stopped.await();
    return 0;
  }

  private static Optional<AuditFile> openAuditFile(AuditConfig config) throws IOException {
    if (config.file().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(AuditFile.open(config.file().get(), config.maxFileBytes(), Clock.systemUTC()));
  }

  private static void closeQuietly(AuditLog audit) {
    try {
      audit.close();
    } catch (Exception e) {
      System.err.println("dcr-gateway: the audit log could not be flushed: " + e);
    }
  }

  private static void closeQuietly(Optional<AuditFile> file) {
    file.ifPresent(f -> {
      try {
        f.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  private int report(List<ConfigProblem> problems) {
    return ProblemReport.print(System.err, "dcr-gateway", config, problems);
  }
}
