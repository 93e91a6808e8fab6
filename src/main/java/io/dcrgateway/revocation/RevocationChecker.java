package io.dcrgateway.revocation;

import io.dcrgateway.config.FetchConfig;
import io.dcrgateway.config.TrustConfig;
import io.dcrgateway.fetch.FetchPolicy;
import io.dcrgateway.config.TrustConfig.Revocation;
import io.dcrgateway.config.TrustConfig.Revocation.Mode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Whether a client certificate PKIX accepted has been revoked, under its trust domain's
 * {@code revocation} settings. OCSP first (a signed, fresh answer about this one certificate);
 * when it gives no proof, the issuer's CRLs. Revoked in either: refused. Neither proves anything:
 * {@code soft-fail} lets the client through (counted, and logged with the certificate),
 * {@code hard-fail} refuses it. Never blocks an event loop.
 */
public final class RevocationChecker {

  private static final Logger LOG = Logger.getLogger(RevocationChecker.class.getName());
  private static final long SWEEP_MILLIS = 60_000;

  private final Vertx vertx;
  private final Map<String, Revocation> byDomain = new HashMap<>();
  private final Clock clock;
  private final RevocationObserver observer;
  private final HttpFetch http;
  private final OcspChecker ocsp;
  private final CrlChecker crl;
  private final long sweep;

  /**
   * Empty when every trust domain has revocation off: nothing to ask, no client, no timer.
   *
   * @param observer built only when some domain checks revocation, so its meters appear only then
   */
  public static Optional<RevocationChecker> create(Vertx vertx, TrustConfig trust, Clock clock,
      Supplier<? extends RevocationObserver> observer) {
    return create(vertx, trust, FetchConfig.DEFAULT, clock, observer);
  }

  /**
   * @param fetch which private hosts the OCSP responders and CRL distribution points named in
   *     client certificates may be at: those URLs are chosen by whoever issued the certificate
   */
  public static Optional<RevocationChecker> create(Vertx vertx, TrustConfig trust, FetchConfig fetch, Clock clock,
      Supplier<? extends RevocationObserver> observer) {
    return trust.domains().stream().anyMatch(d -> d.revocation().mode() != Mode.OFF)
        ? Optional.of(new RevocationChecker(vertx, trust, fetch, clock, observer.get())) : Optional.empty();
  }

  private RevocationChecker(Vertx vertx, TrustConfig trust, FetchConfig fetch, Clock clock,
      RevocationObserver observer) {
    this.vertx = vertx;
    trust.domains().forEach(domain -> byDomain.put(domain.name(), domain.revocation()));
    this.clock = clock;
    this.observer = observer;
    this.http = new HttpFetch(vertx);
    this.ocsp = new OcspChecker(http,
        new FetchPolicy(vertx, fetch, FetchPolicy.Schemes.HTTP_OR_HTTPS, "OCSP responder"), clock);
    CrlStore store = new CrlStore(vertx, http,
        new FetchPolicy(vertx, fetch, FetchPolicy.Schemes.HTTP_OR_HTTPS, "CRL distribution point"), clock);
    this.crl = new CrlChecker(store, clock);
    this.sweep = byDomain.values().stream().anyMatch(r -> r.mode() != Mode.OFF && r.crl().enabled())
        ? vertx.setPeriodic(SWEEP_MILLIS, id -> store.refreshDue()) : -1;
  }

  /**
   * @param issuer the certificate that signed {@code leaf} (an intermediate or the anchor)
   * @return never failed: an unavailable answer is an outcome too
   */
  public Future<RevocationOutcome> check(String domain, X509Certificate leaf, X509Certificate issuer) {
    Revocation settings = byDomain.getOrDefault(domain, Revocation.OFF);
    if (settings.mode() == Mode.OFF) {
      return Future.succeededFuture(RevocationOutcome.notChecked());
    }
    Future<RevocationStatus> byOcsp = settings.ocsp().enabled()
        ? ocsp.check(leaf, issuer, settings.ocsp()).andThen(done -> observer.answered(done.result()))
        : Future.succeededFuture(RevocationStatus.unknown(OcspAnswer.METHOD, "OCSP disabled", Instant.MAX));
    return byOcsp
        .compose(status -> status.state() != RevocationStatus.State.UNKNOWN || !settings.crl().enabled()
            ? Future.succeededFuture(status)
            : crl.check(leaf, issuer, settings.crl()).andThen(done -> observer.answered(done.result()))
                .map(byCrl -> byCrl.state() == RevocationStatus.State.UNKNOWN
                    ? RevocationStatus.unknown(byCrl.method(), status.detail() + "; " + byCrl.detail(),
                        byCrl.validUntil())
                    : byCrl))
        .map(status -> decide(settings.mode(), domain, leaf, status))
        .andThen(done -> observer.decided(domain, done.result()));
  }

  private RevocationOutcome decide(Mode mode, String domain, X509Certificate leaf, RevocationStatus status) {
    return switch (status.state()) {
      case GOOD -> new RevocationOutcome(RevocationOutcome.Verdict.GOOD, status.detail(), status.detail(),
          status.validUntil());
      case REVOKED -> new RevocationOutcome(RevocationOutcome.Verdict.REVOKED,
          "client certificate has been revoked by its issuing CA (" + status.detail() + ")", status.detail(),
          status.validUntil());
      case UNKNOWN -> {
        if (mode == Mode.HARD_FAIL) {
          yield new RevocationOutcome(RevocationOutcome.Verdict.UNKNOWN_REFUSED,
              "the revocation status of the client certificate cannot be established; try again later",
              status.detail(), status.validUntil());
        }
        // soft-fail: let through, but leave a trace an auditor can match to the certificate.
        LOG.warning(() -> "revocation status unknown, allowed by soft-fail: domain " + domain
            + ", issuer " + leaf.getIssuerX500Principal().getName() + ", serial "
            + leaf.getSerialNumber().toString(16) + ": " + status.detail());
        yield new RevocationOutcome(RevocationOutcome.Verdict.UNKNOWN_ALLOWED, status.detail(), status.detail(),
            status.validUntil());
      }
    };
  }

  public Future<Void> close() {
    if (sweep >= 0) {
      vertx.cancelTimer(sweep);
    }
    return http.close();
  }
}
