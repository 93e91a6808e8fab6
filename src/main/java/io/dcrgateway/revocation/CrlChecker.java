package io.dcrgateway.revocation;

import io.dcrgateway.config.TrustConfig.Revocation;
import io.vertx.core.Future;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Looks the certificate up in its issuer's CRLs: the configured files (those issued by its CA)
 * and, when enabled, the http(s) distribution points it names. Only a CRL signed by the issuing
 * CA, complete (no delta, no unknown critical extension) and current (nextUpdate not passed)
 * counts (RFC 5280 §6.3.3); a listed serial in any of them is a revocation.
 */
final class CrlChecker {

  static final String METHOD = "crl";

  private final CrlStore store;
  private final Clock clock;

  CrlChecker(CrlStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  Future<RevocationStatus> check(X509Certificate leaf, X509Certificate issuer, Revocation.Crl config) {
    List<CrlLocation> locations = new ArrayList<>();
    config.files().forEach(file -> locations.add(CrlLocation.file(file, config.timeout())));
    if (config.fetchDistributionPoints()) {
      CertificateLocations.crlDistributionPoints(leaf)
          .forEach(url -> locations.add(CrlLocation.url(url, config.timeout())));
    }
    if (locations.isEmpty()) {
      return Future.succeededFuture(RevocationStatus.unknown(METHOD,
          "no CRL configured or named in the certificate", clock.instant()));
    }
    List<Future<LoadedCrl>> reads = locations.stream().map(store::crl).toList();
    return Future.join(reads).transform(all -> Future.succeededFuture(decide(leaf, issuer, locations, reads)));
  }

  private RevocationStatus decide(X509Certificate leaf, X509Certificate issuer, List<CrlLocation> locations,
      List<Future<LoadedCrl>> reads) {
    Instant now = clock.instant();
    List<String> problems = new ArrayList<>();
    Optional<Instant> validUntil = Optional.empty();
    for (int i = 0; i < reads.size(); i++) {
      Future<LoadedCrl> read = reads.get(i);
      if (read.failed()) {
        problems.add(read.cause().getMessage());
        continue;
      }
      LoadedCrl loaded = read.result();
      if (!loaded.isFor(issuer)) {
        continue; // a configured file of another CA
      }
      String where = locations.get(i).toString();
      if (!loaded.isSignedBy(issuer)) {
        problems.add("CRL " + where + " is not signed by the issuing CA");
      } else if (!loaded.isComplete()) {
        problems.add("CRL " + where + " is a delta CRL or has critical extensions this gateway does not interpret");
      } else if (!loaded.isCurrent(now)) {
        problems.add("CRL " + where + " is stale (nextUpdate " + Optional.ofNullable(loaded.crl().getNextUpdate())
            .map(d -> d.toInstant().toString()).orElse("absent") + ")");
      } else {
        X509CRL crl = loaded.crl();
        X509CRLEntry entry = crl.getRevokedCertificate(leaf.getSerialNumber());
        Instant next = crl.getNextUpdate().toInstant();
        if (entry != null) {
          return RevocationStatus.revoked(METHOD, "revoked at " + entry.getRevocationDate().toInstant()
              + Optional.ofNullable(entry.getRevocationReason()).map(r -> ", reason " + r).orElse("")
              + " (CRL)", next);
        }
        validUntil = Optional.of(validUntil.filter(v -> v.isBefore(next)).orElse(next));
      }
    }
    if (validUntil.isPresent()) {
      return RevocationStatus.good(METHOD, "not on the issuing CA's CRL", validUntil.get());
    }
    if (problems.isEmpty()) {
      problems.add("no CRL of the issuing CA among the configured files and distribution points");
    }
    return RevocationStatus.unknown(METHOD, String.join("; ", problems), now.plus(Duration.ofSeconds(30)));
  }
}
