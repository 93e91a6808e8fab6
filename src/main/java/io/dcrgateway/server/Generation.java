package io.dcrgateway.server;

import io.dcrgateway.audit.AuditLog;
import io.dcrgateway.config.GatewayConfig;
import io.dcrgateway.crypto.PublicKeyCrypto;
import io.dcrgateway.metrics.GatewayMetrics;
import io.dcrgateway.ownership.OneRegistrationPerSoftware;
import io.dcrgateway.ownership.OwnershipCheck;
import io.dcrgateway.pipeline.RegistrationPipeline;
import io.dcrgateway.proxy.IdentityServerShape;
import io.dcrgateway.proxy.UpstreamClient;
import io.dcrgateway.proxy.UpstreamHeaders;
import io.dcrgateway.ratelimit.CertificateRateLimit;
import io.dcrgateway.request.RequestContexts;
import io.dcrgateway.revocation.RevocationChecker;
import io.dcrgateway.revocation.RevocationMetrics;
import io.dcrgateway.state.SharedState;
import io.dcrgateway.tls.ClientCertificateGate;
import io.dcrgateway.tls.ClientCertificateVerifier;
import io.dcrgateway.tls.TrustMaterial;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything the public listener serves that one config and its files decide: trust material and
 * verifier, revocation checker, directory keys and rule profile, upstream client, and the
 * pipeline over them. A reload builds a new generation beside the old one and swaps it in; the
 * old one is retired only once requests that started on it have had time to finish.
 *
 * <p>What outlives generations is passed in: the replay and ownership stores (a reload must not
 * forget used statements or who registered which client), the rate limiter's buckets, the audit
 * log and the metrics.
 */
final class Generation {

  private final GatewayConfig config;
  private final Preflight preflight;
  private final ClientCertificateVerifier verifier;
  private final Registration registration;
  private final UpstreamClient upstream;
  private final Optional<RevocationChecker> revocation;
  private final Router router;
  private final Handler<HttpServerRequest> unreadable;

  private Generation(GatewayConfig config, Preflight preflight, ClientCertificateVerifier verifier,
      Registration registration, UpstreamClient upstream, Optional<RevocationChecker> revocation, Router router,
      Handler<HttpServerRequest> unreadable) {
    this.config = config;
    this.preflight = preflight;
    this.verifier = verifier;
    this.registration = registration;
    this.upstream = upstream;
    this.revocation = revocation;
    this.router = router;
    this.unreadable = unreadable;
  }

  /** Loads the directory keys; fails (and leaves nothing running) when they cannot be read. */
  static Future<Generation> build(Vertx vertx, GatewayConfig config, Preflight preflight,
      SharedState state, AuditLog audit, GatewayMetrics metrics) {
    return Registration.start(vertx, config, preflight, state.replay(), metrics.statements(config),
        metrics.initialAccessTokens(config)).map(registration -> {
      TrustMaterial trust = preflight.trust();
      ClientCertificateVerifier verifier = new ClientCertificateVerifier(trust, Clock.systemUTC(),
          metrics.certificateVerifications());
      UpstreamClient upstream = new UpstreamClient(vertx, config.upstream(), new UpstreamHeaders(config.forwarding()),
          config.listener().serversOnThisMachine());
      // Only when a trust domain asks for it: with revocation off nothing changes, no timer runs.
      Optional<RevocationChecker> revocation = RevocationChecker.create(vertx, config.trust(), config.fetch(), Clock.systemUTC(),
          () -> new RevocationMetrics(metrics.registry()));
      RegistrationPipeline pipeline = new RegistrationPipeline(vertx, config.listener(),
          new ClientCertificateGate(() -> verifier, revocation, Clock.systemUTC()),
          new CertificateRateLimit(state.rates(), config.listener().limits().rateLimit()),
          new RequestContexts(config.forwarding().requestIdHeader()), registration.checks(),
          new OwnershipCheck(state.owners()),
          new OneRegistrationPerSoftware(config.registration().oneRegistration(), state.registrations()), upstream,
          new IdentityServerShape(config.upstream().identityServer()),
          config.registration().publicBaseUrl(), config.upstream().passThrough(), registration.routes(), audit,
          metrics.requests(config));
      return new Generation(config, preflight, verifier, registration, upstream, revocation, pipeline.router(),
          pipeline.unreadableRequests());
    });
  }

  GatewayConfig config() {
    return config;
  }

  TrustMaterial trust() {
    return preflight.trust();
  }

  PublicKeyCrypto crypto() {
    return preflight.crypto();
  }

  ClientCertificateVerifier verifier() {
    return verifier;
  }

  Registration registration() {
    return registration;
  }

  Router router() {
    return router;
  }

  /** Answers the requests Vert.x could not read (400, 414, 431) as the router answers refusals. */
  Handler<HttpServerRequest> unreadable() {
    return unreadable;
  }

  /**
   * How long a request that began on this generation may still be using it: its deadline
   * ({@code listener.request-timeout}), or the slowest revocation fetch it may have started,
   * plus a margin.
   */
  Duration lingering() {
    Duration revocationTimeout = config.trust().domains().stream()
        .map(d -> d.revocation().ocsp().timeout().plus(d.revocation().crl().timeout()))
        .max(Duration::compareTo).orElse(Duration.ZERO);
    Duration deadline = config.listener().limits().requestTimeout();
    return (deadline.compareTo(revocationTimeout) > 0 ? deadline : revocationTimeout).plus(Duration.ofSeconds(5));
  }

  /** Releases clients, timers and caches. */
  Future<Void> stop() {
    registration.stop();
    return upstream.close()
        .eventually(() -> revocation.map(RevocationChecker::close).orElse(Future.succeededFuture()));
  }
}
