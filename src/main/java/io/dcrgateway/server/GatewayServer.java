package io.dcrgateway.server;

import io.dcrgateway.admin.AdminRoutes;
import io.dcrgateway.admin.Readiness;
import io.dcrgateway.audit.AuditLog;
import io.dcrgateway.config.GatewayConfig;
import io.dcrgateway.config.ListenerConfig;
import io.dcrgateway.metrics.EventLoopLag;
import io.dcrgateway.metrics.GatewayMetrics;
import io.dcrgateway.pipeline.UnsupportedVersionGuard;
import io.dcrgateway.state.SharedState;
import io.dcrgateway.tls.ClientCertificateVerifier;
import io.dcrgateway.tls.ServerTls;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * The public mTLS listener and the admin listener. What they serve comes from the current
 * {@link Generation}, which {@link #reload} replaces without closing either listener, so
 * connections in flight keep going and new ones see the new server certificate.
 */
public final class GatewayServer {

  private static final Logger LOG = Logger.getLogger(GatewayServer.class.getName());

  private final Vertx vertx;
  private final PublicListener publicServer;
  private final HttpServer adminServer;
  private final Readiness readiness;
  private final GatewayMetrics metrics;
  private final SharedState state;
  private final AuditLog audit;
  private final AtomicReference<Generation> current;

  private GatewayServer(Vertx vertx, PublicListener publicServer, HttpServer adminServer, Readiness readiness,
      GatewayMetrics metrics, SharedState state, AuditLog audit, AtomicReference<Generation> current) {
    this.vertx = vertx;
    this.publicServer = publicServer;
    this.adminServer = adminServer;
    this.readiness = readiness;
    this.metrics = metrics;
    this.state = state;
    this.audit = audit;
    this.current = current;
  }

  public static Future<GatewayServer> start(Vertx vertx, GatewayConfig config, Preflight preflight, AuditLog audit) {
    return start(vertx, config, preflight, audit, GatewayMetrics.create());
  }

  /** @param metrics this gateway's registry (closed by {@link #stop}); Vert.x may already report into it */
  public static Future<GatewayServer> start(Vertx vertx, GatewayConfig config, Preflight preflight, AuditLog audit,
      GatewayMetrics metrics) {
    SharedState state = SharedState.create(vertx, config.state());
    return Generation.build(vertx, config, preflight, state, audit, metrics)
        .compose(generation -> listen(vertx, generation, state, audit, metrics))
        .onFailure(e -> {
          state.close();
          metrics.close();
        });
  }

  private static Future<GatewayServer> listen(Vertx vertx, Generation generation, SharedState state, AuditLog audit,
      GatewayMetrics metrics) {
    GatewayConfig config = generation.config();
    Readiness readiness = new Readiness();
    AtomicReference<Generation> current = new AtomicReference<>(generation);
    metrics.directoryKeys(generation.registration().keysByDirectory());
    metrics.tokenKeys(generation.registration().keysByTokenRoute());
    metrics.sharedState(state);
    metrics.auditTrail(audit.health());
    // Not ready while registrations would fail closed: directory or identity server keys unusable,
    // no audit trail, no shared state.
    readiness.check(() -> KeySetReadiness.problems(KeySetReadiness.DIRECTORY_KEYS,
        current.get().registration().keysByDirectory()));
    readiness.check(() -> KeySetReadiness.problems(KeySetReadiness.TOKEN_KEYS,
        current.get().registration().keysByTokenRoute()));
    readiness.check("audit-trail", () -> audit.health().problem());
    readiness.check("shared-state", () -> state.available() ? Optional.empty()
        : Optional.of(state.kind() + " store unreachable: registrations and management calls get 503"));

    ListenerConfig listener = config.listener();
    HttpServerOptions publicOptions = ServerTls.apply(ServerTls.options(listener.tls(), generation.trust()),
        listener.tls(), generation.crypto(), new HttpServerOptions()
            .setHost(listener.host())
            .setPort(listener.port())
            .setIdleTimeout((int) listener.idleTimeout().toMillis())
            .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
            // Beyond these Vert.x refuses the request (431 / 414) before any stage runs; the
            // generation's invalid-request handler answers that as JSON, audited, and closes.
            .setMaxHeaderSize(listener.limits().maxHeaderBytes())
            .setMaxInitialLineLength(listener.limits().maxInitialLineLength()));
    EventLoopLag loopLag = metrics.eventLoopLag();
    ConnectionLimit connections = new ConnectionLimit(listener.limits().maxConnections(), metrics.connectionsRefused());
    metrics.connectionsOpen(connections::open);
    HttpServer adminServer = config.admin().enabled()
        // HTTP/1.1 only: scrapers and probes speak it, and a client's h2c upgrade (the JDK client
        // asks for one by default) stalled the /metrics body mid-stream.
        ? vertx.createHttpServer(new HttpServerOptions()
            .setHost(config.admin().host()).setPort(config.admin().port()).setHttp2ClearTextEnabled(false))
            .requestHandler(AdminRoutes.router(vertx, readiness, metrics))
        : null;

    Future<?> admin = adminServer == null ? Future.succeededFuture() : adminServer.listen();
    return metrics.certificates(vertx, generation.trust(), listener.tls().certificate())
        .compose(m -> admin)
        .compose(a -> PublicListener.listen(vertx, publicOptions, listener.serversOnThisMachine(), server -> {
          // Each request goes to the generation current when it arrives, keep-alive connections included.
          server.requestHandler(request -> current.get().router().handle(request));
          server.invalidRequestHandler(request -> current.get().unreadable().handle(request));
          metrics.tlsHandshakes().attach(server, connection -> {
            UnsupportedVersionGuard.install(connection);
            connections.handle(connection);
          });
          loopLag.watchCurrentLoop(vertx);
        }))
        .map(publicServer -> {
          readiness.ready();
          return new GatewayServer(vertx, publicServer, adminServer, readiness, metrics, state, audit, current);
        })
        .recover(e -> {
          // A half-started gateway must not linger: release whichever port did bind.
          Future<Void> closing = adminServer == null ? Future.succeededFuture() : adminServer.close();
          return closing.eventually(generation::stop).transform(v -> Future.failedFuture(e));
        });
  }

  /**
   * Serves {@code config} from now on: builds its generation (directory keys loaded), gives new
   * TLS connections its server certificate and trust, then swaps it in. Fails, leaving the
   * running generation untouched, when any of that fails. The caller validated {@code config}
   * and loaded {@code preflight} from it, and does not call this again before it completes.
   *
   * @return the keys whose change waits for a restart (see {@link RestartOnlySettings})
   */
  public Future<List<String>> reload(GatewayConfig config, Preflight preflight) {
    Generation running = current.get();
    List<String> restartOnly = RestartOnlySettings.changed(running.config(), config);
    return Generation.build(vertx, config, preflight.withCrypto(running.crypto()), state, audit, metrics)
        .compose(next -> publicServer.updateSSLOptions(ServerTls.options(config.listener().tls(), next.trust()))
            .recover(e -> next.stop().transform(v -> Future.failedFuture(
                new IllegalStateException("the new server TLS settings were refused: " + e.getMessage(), e))))
            .map(updated -> next))
        .compose(next -> {
          current.set(next);
          metrics.directoryKeys(next.registration().keysByDirectory());
          metrics.tokenKeys(next.registration().keysByTokenRoute());
          retire(running);
          return metrics.certificates(vertx, next.trust(), config.listener().tls().certificate());
        })
        .map(v -> restartOnly);
  }

  /** Stops an old generation once requests that may still use it have finished. */
  private void retire(Generation old) {
    vertx.setTimer(Math.max(1, old.lingering().toMillis()), id -> old.stop()
        .onFailure(e -> LOG.warning("retiring the previous configuration: " + e.getMessage())));
  }

  public int port() {
    return publicServer.port();
  }

  /** -1 when the admin listener is disabled. */
  public int adminPort() {
    return adminServer == null ? -1 : adminServer.actualPort();
  }

  public GatewayMetrics metrics() {
    return metrics;
  }

  public ClientCertificateVerifier verifier() {
    return current.get().verifier();
  }

  /** The config being served: the one started with, or the last one a reload applied. */
  public GatewayConfig config() {
    return current.get().config();
  }

  /** Not ready first, so balancers stop sending; then let in-flight requests finish. */
  public Future<Void> stop(long drainMillis) {
    readiness.notReady();
    return publicServer.shutdown(drainMillis)
        .eventually(() -> adminServer == null ? Future.succeededFuture() : adminServer.close())
        .eventually(() -> current.get().stop())
        .eventually(state::close)
        .onComplete(v -> metrics.close());
  }
}
