package io.dcrgateway.revocation;

import io.dcrgateway.config.TrustConfig.Revocation;
import io.dcrgateway.fetch.FetchGuard;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.ocsp.CertificateID;

/**
 * Asks the certificate's OCSP responder (the configured one, else the first http(s) responder of
 * its AIA) and keeps a proven answer (good or revoked) until its validity ends (nextUpdate,
 * bounded by max-age). Failures are not cached: the next TLS session asks again.
 */
final class OcspChecker {

  /** RFC 6960 answers about one certificate are a few KiB; anything far larger is not one. */
  private static final long MAX_ANSWER_BYTES = 64 * 1024;

  private final HttpFetch http;
  private final FetchGuard certificateResponders;
  private final Clock clock;
  private final BoundedCache<CertificateID, RevocationStatus> answers = new BoundedCache<>(10_000);

  /** @param certificateResponders vets responders named in certificates (a configured one is trusted) */
  OcspChecker(HttpFetch http, FetchGuard certificateResponders, Clock clock) {
    this.http = http;
    this.certificateResponders = certificateResponders;
    this.clock = clock;
  }

  Future<RevocationStatus> check(X509Certificate leaf, X509Certificate issuer, Revocation.Ocsp config) {
    CertificateID id = OcspQuestion.idOf(leaf, issuer);
    Optional<RevocationStatus> cached = answers.get(id, status -> status.validUntil().isAfter(clock.instant()));
    if (cached.isPresent()) {
      return Future.succeededFuture(cached.get());
    }
    Optional<URI> responder = config.responderUrl().or(() -> first(CertificateLocations.ocspResponders(leaf)));
    if (responder.isEmpty()) {
      return Future.succeededFuture(RevocationStatus.unknown(OcspAnswer.METHOD,
          "no OCSP responder configured or named in the certificate", clock.instant()));
    }
    OcspQuestion question = OcspQuestion.about(id);
    FetchGuard guard = config.responderUrl().isPresent() ? FetchGuard.TRUSTED : certificateResponders;
    return http.fetch(guard, HttpMethod.POST, responder.get(), Buffer.buffer(question.encoded()),
            "application/ocsp-request", config.timeout(), MAX_ANSWER_BYTES)
        .map(body -> OcspAnswer.read(body.getBytes(), question, issuer, clock.instant(), config.maxAge()))
        .recover(e -> Future.succeededFuture(RevocationStatus.unknown(OcspAnswer.METHOD,
            "OCSP responder unavailable: " + e.getMessage(), clock.instant().plus(Duration.ofSeconds(30)))))
        .andThen(done -> {
          RevocationStatus status = done.result();
          if (status.state() != RevocationStatus.State.UNKNOWN) {
            answers.put(id, status);
          }
        });
  }

  private static Optional<URI> first(List<URI> uris) {
    return uris.stream().findFirst();
  }
}
