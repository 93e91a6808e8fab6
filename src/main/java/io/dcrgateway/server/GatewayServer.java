package io.dcrgateway.server;

import io.dcrgateway.admin.AdminRoutes;
import io.dcrgateway.admin.Readiness;
import io.dcrgateway.audit.AuditLog;
import io.dcrgateway.config.GatewayConfig;
import io.dcrgateway.config.ListenerConfig;
import io.dcrgateway.metrics.GatewayMetrics;
import io.dcrgateway.ownership.InMemoryOwnershipStore;
import io.dcrgateway.ownership.OwnershipCheck;
import io.dcrgateway.pipeline.RegistrationPipeline;
import io.dcrgateway.proxy.IdentityServerShape;
import io.dcrgateway.proxy.UpstreamClient;
import io.dcrgateway.proxy.UpstreamHeaders;
import io.dcrgateway.request.RequestContexts;
import io.dcrgateway.revocation.RevocationChecker;
import io.dcrgateway.revocation.RevocationMetrics;
import io.dcrgateway.tls.ClientCertificateGate;
import io.dcrgateway.tls.ClientCertificateVerifier;
import io.dcrgateway.tls.ServerTls;
import io.dcrgateway.tls.TrustMaterial;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** Starts the public mTLS listener and the admin listener for one config, and stops them. */
public final class GatewayServer {

  private final HttpServer publicServer;
  private final HttpServer adminServer;
  private final UpstreamClient upstream;
  private final Registration registration;
  private final Readiness readiness;
  private final AtomicReference<ClientCertificateVerifier> verifier;
  private final GatewayMetrics metrics;
  private final Optional<RevocationChecker> revocation;

  private GatewayServer(HttpServer publicServer, HttpServer adminServer, UpstreamClient upstream,
      Registration registration, Readiness readiness, AtomicReference<ClientCertificateVerifier> verifier,
      GatewayMetrics metrics, Optional<RevocationChecker> revocation) {
    this.publicServer = publicServer;
    this.adminServer = adminServer;
    this.upstream = upstream;
    this.registration = registration;
    this.readiness = readiness;
    this.verifier = verifier;
    this.metrics = metrics;
    this.revocation = revocation;
  }

  public static Future<GatewayServer> start(Vertx vertx, GatewayConfig config, Preflight preflight, AuditLog audit) {
    return start(vertx, config, preflight, audit, GatewayMetrics.create());
  }

  /** @param metrics this gateway's registry (closed by {@link #stop}); Vert.x may already report into it */
  public static Future<GatewayServer> start(Vertx vertx, GatewayConfig config, Preflight preflight, AuditLog audit,
      GatewayMetrics metrics) {
    return Registration.start(vertx, config, preflight)
        .compose(registration -> listen(vertx, config, preflight.trust(), registration, audit, metrics))
        .onFailure(e -> metrics.close());
  }

  private static Future<GatewayServer> listen(Vertx vertx, GatewayConfig config, TrustMaterial trust,
      Registration registration, AuditLog audit, GatewayMetrics metrics) {
    Readiness readiness = new Readiness();
    AtomicReference<ClientCertificateVerifier> verifier = new AtomicReference<>(
        new ClientCertificateVerifier(trust, Clock.systemUTC(), metrics.certificateVerifications()));
    registration.keysByDirectory().forEach(metrics::directoryKeys);
    metrics.replayStore(registration.replayStore());
    UpstreamClient upstream = new UpstreamClient(vertx, config.upstream(),
        new UpstreamHeaders(config.forwarding()));
    // Only when a trust domain asks for it: with revocation off nothing changes, no timer runs.
    Optional<RevocationChecker> revocation = RevocationChecker.create(vertx, config.trust(), Clock.systemUTC(),
        () -> new RevocationMetrics(metrics.registry()));
    RegistrationPipeline pipeline = new RegistrationPipeline(vertx, config.listener(),
        new ClientCertificateGate(verifier::get, revocation, Clock.systemUTC()),
        new RequestContexts(config.forwarding().requestIdHeader()), registration.checks(),
        new OwnershipCheck(new InMemoryOwnershipStore()), upstream,
        new IdentityServerShape(config.upstream().identityServer()), config.registration().publicBaseUrl(), config.upstream().passThrough(), audit,
        metrics.requests(config));

    ListenerConfig listener = config.listener();
    HttpServerOptions publicOptions = ServerTls.apply(ServerTls.options(listener.tls(), trust),
        new HttpServerOptions()
            .setHost(listener.host())
            .setPort(listener.port())
            .setIdleTimeout((int) listener.idleTimeout().toMillis())
            .setIdleTimeoutUnit(TimeUnit.MILLISECONDS));
    HttpServer publicServer = vertx.createHttpServer(publicOptions).requestHandler(pipeline.router());
    HttpServer adminServer = config.admin().enabled()
        ? vertx.createHttpServer(new HttpServerOptions()
            .setHost(config.admin().host()).setPort(config.admin().port()))
            .requestHandler(AdminRoutes.router(vertx, readiness, metrics))
        : null;

    Future<?> admin = adminServer == null ? Future.succeededFuture() : adminServer.listen();
    return metrics.certificates(vertx, trust, listener.tls().certificate())
        .compose(m -> admin)
        .compose(a -> publicServer.listen())
        .map(p -> {
          readiness.ready();
          return new GatewayServer(publicServer, adminServer, upstream, registration, readiness, verifier,
              metrics, revocation);
        })
        .recover(e -> {
          // A half-started gateway must not linger: release whichever port did bind.
          Future<Void> closing = adminServer == null ? Future.succeededFuture() : adminServer.close();
          registration.stop();
          return closing.eventually(publicServer::close).eventually(upstream::close)
              .eventually(() -> revocation.map(RevocationChecker::close).orElse(Future.succeededFuture()))
              .transform(v -> Future.failedFuture(e));
        });
  }

  public int port() {
    return publicServer.actualPort();
  }

  /** -1 when the admin listener is disabled. */
  public int adminPort() {
    return adminServer == null ? -1 : adminServer.actualPort();
  }

  public GatewayMetrics metrics() {
    return metrics;
  }

  public ClientCertificateVerifier verifier() {
    return verifier.get();
  }

  /** Not ready first, so balancers stop sending; then let in-flight requests finish. */
  public Future<Void> stop(long drainMillis) {
    readiness.notReady();
    return publicServer.shutdown(drainMillis, TimeUnit.MILLISECONDS)
        .eventually(() -> adminServer == null ? Future.succeededFuture() : adminServer.close())
        .eventually(upstream::close)
        .eventually(() -> revocation.map(RevocationChecker::close).orElse(Future.succeededFuture()))
        .onComplete(v -> {
          registration.stop();
          metrics.close();
        });
  }
}
