package io.dcrgateway.revocation;

import io.dcrgateway.fetch.FetchGuard;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * CRLs by location, read without blocking an event loop (files through {@code vertx.fileSystem()},
 * distribution points through {@link HttpFetch}, parsing on a worker) and kept until their
 * nextUpdate. Before nextUpdate arrives they are read again in the background (on use, and by a
 * periodic sweep), so a TLS client rarely waits for a CRL download and the gateway keeps serving
 * the current CRL if the refresh fails.
 */
final class CrlStore {

  private static final Logger LOG = Logger.getLogger(CrlStore.class.getName());
  /** Large CAs publish CRLs of a few MiB; more is not a CRL a TLS handshake should wait for. */
  private static final long MAX_CRL_BYTES = 16L * 1024 * 1024;
  private static final Duration MAX_REFRESH_MARGIN = Duration.ofHours(1);
  private static final Duration MIN_RELOAD_GAP = Duration.ofSeconds(30);

  private final Vertx vertx;
  private final HttpFetch http;
  private final FetchGuard distributionPoints;
  private final Clock clock;
  private final Map<String, Held> held = new ConcurrentHashMap<>();
  private final Map<String, Future<LoadedCrl>> loading = new ConcurrentHashMap<>();

  private record Held(CrlLocation location, LoadedCrl crl) {
  }

  /** @param distributionPoints vets the URLs certificates name (files are the operator's) */
  CrlStore(Vertx vertx, HttpFetch http, FetchGuard distributionPoints, Clock clock) {
    this.vertx = vertx;
    this.http = http;
    this.distributionPoints = distributionPoints;
    this.clock = clock;
  }

  /** The location's CRL: the held one while current (refreshing it when due), else a fresh read. */
  Future<LoadedCrl> crl(CrlLocation location) {
    Instant now = clock.instant();
    Held current = held.get(location.key());
    if (current != null && current.crl().isCurrent(now)) {
      if (refreshDue(current.crl(), now)) {
        load(location);
      }
      return Future.succeededFuture(current.crl());
    }
    return load(location);
  }

  /** The periodic sweep: what is close to its nextUpdate is read again before it gets there. */
  void refreshDue() {
    Instant now = clock.instant();
    held.values().stream().filter(h -> refreshDue(h.crl(), now)).forEach(h -> load(h.location()));
  }

  private boolean refreshDue(LoadedCrl crl, Instant now) {
    if (crl.crl().getNextUpdate() == null) {
      return true;
    }
    Instant thisUpdate = crl.crl().getThisUpdate().toInstant();
    Instant nextUpdate = crl.crl().getNextUpdate().toInstant();
    Duration tenth = Duration.between(thisUpdate, nextUpdate).dividedBy(10);
    Duration margin = tenth.compareTo(MAX_REFRESH_MARGIN) > 0 ? MAX_REFRESH_MARGIN : tenth;
    return !now.isBefore(nextUpdate.minus(margin)) && !now.isBefore(crl.loadedAt().plus(MIN_RELOAD_GAP));
  }

  private Future<LoadedCrl> load(CrlLocation location) {
    String key = location.key();
    Future<LoadedCrl> inFlight = loading.get(key);
    if (inFlight != null) {
      return inFlight;
    }
    Future<LoadedCrl> read = bytes(location)
        .compose(bytes -> vertx.executeBlocking(() -> parse(bytes.getBytes(), location)))
        .andThen(done -> {
          loading.remove(key);
          if (done.succeeded()) {
            held.put(key, new Held(location, done.result()));
          } else {
            LOG.log(Level.WARNING, "CRL from " + location + " unavailable: " + done.cause().getMessage());
          }
        });
    loading.put(key, read);
    return read;
  }

  private Future<Buffer> bytes(CrlLocation location) {
    if (location.file().isPresent()) {
      return vertx.fileSystem().readFile(location.file().get().toString())
          .recover(e -> Future.failedFuture(new RevocationFetchException("cannot read " + location)));
    }
    return http.fetch(distributionPoints, HttpMethod.GET, location.url().orElseThrow(), Buffer.buffer(), null, location.timeout(),
        MAX_CRL_BYTES);
  }

  /** PEM or DER, as CAs publish either. */
  private LoadedCrl parse(byte[] bytes, CrlLocation location) {
    try {
      X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(bytes));
      return new LoadedCrl(crl, clock.instant());
    } catch (Exception e) {
      throw new RevocationFetchException(location + " is not a CRL");
    }
  }
}
