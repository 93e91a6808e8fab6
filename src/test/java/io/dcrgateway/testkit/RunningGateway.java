package io.dcrgateway.testkit;

import io.dcrgateway.audit.AuditFile;
import io.dcrgateway.config.GatewayConfig;
import io.dcrgateway.server.GatewayServer;
import io.dcrgateway.server.Preflight;
import io.vertx.core.Vertx;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A gateway started in the test JVM on free loopback ports, with its audit trail recorded. */
public final class RunningGateway implements AutoCloseable {

  private final GatewayServer server;
  private final RecordedAudit audit;
  private final BlockedThreadWatch blockedThreads;

  private RunningGateway(GatewayServer server, RecordedAudit audit, BlockedThreadWatch blockedThreads) {
    this.server = server;
    this.audit = audit;
    this.blockedThreads = blockedThreads;
  }

  public static RunningGateway start(Vertx vertx, GatewayConfig config) throws Exception {
    return start(vertx, config, Optional.empty());
  }

  /** With the audit trail also appended to {@code file}, as {@code audit.file} does. */
  public static RunningGateway start(Vertx vertx, GatewayConfig config, Optional<AuditFile> file) throws Exception {
    RecordedAudit audit = new RecordedAudit();
    BlockedThreadWatch blockedThreads = new BlockedThreadWatch();
    GatewayServer server = GatewayServer.start(vertx, config, Preflight.of(config),
            file.map(audit::logAnd).orElseGet(audit::log))
        .await(20, TimeUnit.SECONDS);
    return new RunningGateway(server, audit, blockedThreads);
  }

  public int port() {
    return server.port();
  }

  public int adminPort() {
    return server.adminPort();
  }

  public GatewayServer server() {
    return server;
  }

  public RecordedAudit audit() {
    return audit;
  }

  @Override
  public void close() throws Exception {
    try {
      server.stop(1000).await(20, TimeUnit.SECONDS);
    } finally {
      blockedThreads.close();
    }
  }
}
