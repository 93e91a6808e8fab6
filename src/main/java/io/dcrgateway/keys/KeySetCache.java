package io.dcrgateway.keys;

import com.nimbusds.jose.jwk.JWKSet;
import io.dcrgateway.fetch.FetchGuard;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Key sets fetched on first use, one per URL: the {@code software_jwks_endpoint} of each TPP whose
 * request JWTs the gateway verifies. Entries have no timers; a set is refreshed when a request finds
 * it older than its refresh interval, or names a kid it lacks (see {@link CachedKeySet#keysFor}).
 *
 * <p>Bounded: beyond {@code maxEntries} the least recently used URL is forgotten, so the number of
 * distinct endpoints seen over the gateway's lifetime cannot exhaust memory. A forgotten TPP costs
 * one fetch the next time it registers.
 */
public final class KeySetCache {

  public static final int DEFAULT_MAX_ENTRIES = 10_000;

  private final Vertx vertx;
  private final WebClient client;
  private final boolean ownsClient;
  private final Function<URI, KeySetSource> sourceFor;
  private final Clock clock;
  private final FetchCounters counters = new FetchCounters();
  private final Map<URI, CachedKeySet> entries;
  private final FetchGuard guard;

  /**
   * @param client shared for all fetches and left open by {@link #close()}
   * @param sourceFor timings and limits for a URL, e.g. {@code KeySetSource::url} for defaults;
   *     it rejects URLs that are not absolute http(s)
   */
  public KeySetCache(Vertx vertx, WebClient client, Function<URI, KeySetSource> sourceFor,
      int maxEntries, Clock clock) {
    this(vertx, client, false, sourceFor, maxEntries, clock, FetchGuard.TRUSTED);
  }

  /** @param guard vets each URL before every fetch (the URLs come from requests: SSRF) */
  public KeySetCache(Vertx vertx, WebClient client, Function<URI, KeySetSource> sourceFor,
      int maxEntries, Clock clock, FetchGuard guard) {
    this(vertx, client, false, sourceFor, maxEntries, clock, guard);
  }

  private KeySetCache(Vertx vertx, WebClient client, boolean ownsClient,
      Function<URI, KeySetSource> sourceFor, int maxEntries, Clock clock, FetchGuard guard) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1");
    }
    this.vertx = vertx;
    this.client = client;
    this.ownsClient = ownsClient;
    this.sourceFor = sourceFor;
    this.clock = clock;
    this.guard = guard;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<URI, CachedKeySet> eldest) {
        return size() > maxEntries;
      }
    };
  }

  /** Default limits, the system clock and an HTTP client of its own, closed by {@link #close()}. */
  public static KeySetCache create(Vertx vertx) {
    return create(vertx, FetchGuard.TRUSTED);
  }

  /** Like {@link #create(Vertx)}, every fetch vetted by {@code guard}. */
  public static KeySetCache create(Vertx vertx, FetchGuard guard) {
    return new KeySetCache(vertx, HttpKeySetLoader.newClient(vertx), true, KeySetSource::url,
        DEFAULT_MAX_ENTRIES, Clock.systemUTC(), guard);
  }

  /**
   * The keys published at {@code url}, fetched on first use.
   *
   * @param kid the {@code kid} the JWS to verify names, if any; an unknown one triggers a
   *     rate-limited refetch
   * @return the usable set; fails with {@link KeySetUnavailableException} when none could be
   *     fetched (or it is stale), with {@link IllegalArgumentException} for a non-http(s) URL
   */
  public Future<JWKSet> keysFor(URI url, Optional<String> kid) {
    CachedKeySet set;
    try {
      set = entryFor(url);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    return set.keysFor(kid);
  }

  /** The state of one URL's set, without counting as a use. */
  public Optional<KeySetHealth> health(URI url) {
    synchronized (entries) {
      // Map.get would refresh the entry's LRU position; a health probe is not a use.
      for (Map.Entry<URI, CachedKeySet> entry : entries.entrySet()) {
        if (entry.getKey().equals(url)) {
          return Optional.of(entry.getValue().health());
        }
      }
      return Optional.empty();
    }
  }

  public int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  /** Fetch attempts across all URLs, including ones since forgotten. */
  public long fetches() {
    return counters.fetches();
  }

  /** Failed fetch attempts across all URLs, including ones since forgotten. */
  public long failures() {
    return counters.failures();
  }

  public void close() {
    synchronized (entries) {
      entries.clear();
    }
    if (ownsClient) {
      client.close();
    }
  }

  private CachedKeySet entryFor(URI url) {
    synchronized (entries) {
      CachedKeySet existing = entries.get(url);
      if (existing != null) {
        return existing;
      }
    }
    // Built outside the lock: validating the source is cheap but need not hold up other callers.
    KeySetSource source = sourceFor.apply(url);
    if (source.url().isEmpty()) {
      throw new IllegalArgumentException("sourceFor must give a URL source for " + url);
    }
    CachedKeySet created = new CachedKeySet(vertx, source,
        CachedKeySet.loaderFor(vertx, source, client, guard), clock, new FetchCounters(counters));
    synchronized (entries) {
      // Another caller may have created one meanwhile; keep theirs so both share its fetch.
      return entries.computeIfAbsent(url, u -> created);
    }
  }
}
