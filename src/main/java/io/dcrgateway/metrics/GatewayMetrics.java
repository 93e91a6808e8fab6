package io.dcrgateway.metrics;

import io.dcrgateway.config.DirectoryConfig;
import io.dcrgateway.config.GatewayConfig;
import io.dcrgateway.keys.CachedKeySet;
import io.dcrgateway.state.SharedState;
import io.dcrgateway.tls.TrustMaterial;
import io.dcrgateway.audit.AuditHealth;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The metrics of one gateway instance, in its own Prometheus registry: never a global one, so two
 * gateways in one JVM (tests, a reload building a new one) do not add into each other's counts.
 *
 * <p>Labels are low-cardinality by construction: operation, profile, outcome, stable reason ids,
 * status codes, directory and trust domain names, CA common names. Never a client id, subject,
 * software id or message text: those belong in the audit trail.
 */
public final class GatewayMetrics implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(GatewayMetrics.class.getName());

  private final PrometheusMeterRegistry registry;
  private final Clock clock;
  private final JvmGcMetrics gc;
  private final CertificateExpiry certificates;
  private final CertificateVerificationMetrics verifications;
  private final Counter reloadsOk;
  private final Counter reloadsFailed;

  private GatewayMetrics(PrometheusMeterRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
    new JvmMemoryMetrics().bindTo(registry);
    this.gc = new JvmGcMetrics();
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    this.certificates = new CertificateExpiry(registry, clock);
    this.verifications = new CertificateVerificationMetrics(registry);
    // Registered at zero so the failed-reload alert has a series to watch before the first reload.
    this.reloadsOk = reloads("ok");
    this.reloadsFailed = reloads("failed");
  }

  public static GatewayMetrics create() {
    return create(Clock.systemUTC());
  }

  /** @param clock what certificate expiry and key age are measured against */
  public static GatewayMetrics create(Clock clock) {
    return new GatewayMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), clock);
  }

  /** The registry, for Vert.x's own HTTP metrics (see {@link InstrumentedVertx}). */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Per-request counters and timers, fed with each request's audit facts. */
  public RequestMetrics requests(GatewayConfig config) {
    java.util.Map<String, String> profiles = new java.util.LinkedHashMap<>();
    config.registration().routes().forEach(route -> profiles.put(route.path(), route.profile()));
    return new RequestMetrics(registry, new RequestOperations(config.listener().registrationPath(),
        config.upstream().passThrough(), java.util.List.copyOf(profiles.keySet())), config.registration().profile(), profiles);
  }

  /** Counts initial access tokens by route, validation and result; each route's {@code valid} starts at zero. */
  public InitialAccessTokenMetrics initialAccessTokens(GatewayConfig config) {
    return new InitialAccessTokenMetrics(registry, config.registration().routes());
  }

  /** Counts each full client certificate verification by result (a TLS session is verified once). */
  public CertificateVerificationMetrics certificateVerifications() {
    return verifications;
  }

  /** Counts software statements by directory and result; the configured directories start at zero. */
  public StatementMetrics statements(GatewayConfig config) {
    return new StatementMetrics(registry,
        config.registration().directories().stream().map(DirectoryConfig::name).toList());
  }

  /** Counts TLS handshakes and their failures by reason; {@link TlsHandshakeMetrics#attach} it to the listener. */
  public TlsHandshakeMetrics tlsHandshakes() {
    return new TlsHandshakeMetrics(registry);
  }

  /** Lag of the event loops it is told to watch (the public listener's), one series per loop. */
  public EventLoopLag eventLoopLag() {
    return new EventLoopLag(registry);
  }

  /** Replaces the certificates whose expiry is published; call again after a reload. */
  public void certificates(TrustMaterial trust, Optional<X509Certificate> server) {
    certificates.publish(trust, server);
  }

  /**
   * Publishes the expiry of the trust material and of the server certificate (the first in its
   * PEM file), read without blocking the event loop. Preflight already parsed that file: should
   * it fail now, the anchors are still published and the gateway still starts.
   */
  public Future<Void> certificates(Vertx vertx, TrustMaterial trust, Path serverCertificate) {
    return vertx.fileSystem().readFile(serverCertificate.toString())
        .map(GatewayMetrics::firstCertificate)
        .otherwise(e -> {
          LOG.warning("server certificate expiry not published: " + serverCertificate + ": " + e.getMessage());
          return Optional.empty();
        })
        .map(server -> {
          certificates(trust, server);
          return null;
        });
  }

  /**
   * Keys, age and fetch counts of each directory's JWKS, read from its health at scrape time.
   * Called again after a reload: the previous key sets' series are replaced, so a directory
   * removed from the config disappears and fetch counts start again from the new key set's.
   */
  public synchronized void directoryKeys(Map<String, CachedKeySet> keysByDirectory) {
    KeySetGauges.removeAll(registry, KeySetGauges.DIRECTORY);
    keysByDirectory.forEach((directory, keys) ->
        KeySetGauges.register(registry, clock, KeySetGauges.DIRECTORY, directory, keys));
  }

  /**
   * The same for the identity server's JWKS of each route taking JWT initial access tokens
   * ({@code dcr_gateway_token_jwks_*{route}}), replaced after a reload likewise.
   */
  public synchronized void tokenKeys(Map<String, CachedKeySet> keysByRoute) {
    KeySetGauges.removeAll(registry, KeySetGauges.TOKEN);
    keysByRoute.forEach((route, keys) -> KeySetGauges.register(registry, clock, KeySetGauges.TOKEN, route, keys));
  }

  /** Ids the replay store remembers (memory only) and whether the shared store can be reached. */
  public void sharedState(SharedState state) {
    if (state.replayEntries() >= 0) {
      Gauge.builder("dcr_gateway_replay_store_entries", state, SharedState::replayEntries)
          .description("software statement and request jti values remembered against replay")
          .register(registry);
    }
    Gauge.builder("dcr_gateway_shared_state_available", state, s -> s.available() ? 1 : 0)
        .tag("store", state.kind())
        .description("1 while the replay/ownership store can be reached; 0: registrations get 503, not ready")
        .register(registry);
  }

  /** @return what to call for each connection closed on arrival for being over {@code listener.max-connections} */
  public Runnable connectionsRefused() {
    Counter refused = Counter.builder("dcr_gateway_connections_refused")
        .description("connections closed on arrival because listener.max-connections were open").register(registry);
    return refused::increment;
  }

  /** The public listener's open connections. */
  public void connectionsOpen(java.util.function.IntSupplier open) {
    Gauge.builder("dcr_gateway_connections_open", open::getAsInt)
        .description("open connections on the public listener").register(registry);
  }

  /**
   * Whether the audit trail can be written (1) or not (0: requests are refused, fail closed), and
   * how many writes failed: alert on the first, it means decisions are waiting for the disk.
   */
  public void auditTrail(AuditHealth health) {
    Gauge.builder("dcr_gateway_audit_writable", health, h -> h.problem().isPresent() ? 0 : 1)
        .description("1 while the audit trail can be written; 0 while it cannot and requests are refused")
        .register(registry);
    FunctionCounter.builder("dcr_gateway_audit_write_failures", health, AuditHealth::writeFailures)
        .description("failed attempts to write audit records to the audit file").register(registry);
  }

  /** For the reload feature: one count per attempt, {@code failed} when the old config stays. */
  public void reloaded(boolean succeeded) {
    (succeeded ? reloadsOk : reloadsFailed).increment();
  }

  /** Prometheus text exposition; OpenMetrics when the scraper asks for it. */
  public String scrape(String contentType) {
    return registry.scrape(contentType);
  }

  private static Optional<X509Certificate> firstCertificate(Buffer pem) {
    try {
      return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(pem.getBytes())));
    } catch (CertificateException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private Counter reloads(String result) {
    return Counter.builder("dcr_gateway_reloads").tag("result", result)
        .description("configuration and trust material reloads by result").register(registry);
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
