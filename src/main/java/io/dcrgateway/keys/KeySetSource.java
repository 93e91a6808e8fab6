package io.dcrgateway.keys;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one JSON Web Key Set comes from and how it is kept fresh.
 *
 * @param url an absolute http(s) JWKS URL; exactly one of {@code url} and {@code file} is present
 * @param file a local JWKS file, re-read every {@code refreshInterval}
 * @param refreshInterval how often the set is fetched again while all is well
 * @param maxStaleness keys last fetched longer ago than this are not used at all: a directory
 *     that revoked a key must not be overridden forever by an outage of its JWKS endpoint
 * @param minRefreshGap least time between two fetches of this source; a request naming an
 *     unknown {@code kid} triggers a fetch, so without this gap anyone could make the gateway
 *     hammer the publisher (and itself) by sending made-up key ids
 * @param fetchTimeout the whole fetch (connect, answer, body) must finish within this
 * @param maxBytes largest JWKS document accepted; a real set is a few KiB
 */
public record KeySetSource(
    Optional<URI> url,
    Optional<Path> file,
    Duration refreshInterval,
    Duration maxStaleness,
    Duration minRefreshGap,
    Duration fetchTimeout,
    long maxBytes) {

  public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofMinutes(10);
  public static final Duration DEFAULT_MAX_STALENESS = Duration.ofHours(24);
  public static final Duration DEFAULT_MIN_REFRESH_GAP = Duration.ofSeconds(30);
  public static final Duration DEFAULT_FETCH_TIMEOUT = Duration.ofSeconds(5);
  public static final long DEFAULT_MAX_BYTES = 512 * 1024;

  public KeySetSource {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(file, "file");
    if (url.isPresent() == file.isPresent()) {
      throw new IllegalArgumentException("a key set source needs exactly one of url and file");
    }
    url.ifPresent(KeySetSource::requireHttpUrl);
    requirePositive(refreshInterval, "refreshInterval");
    requirePositive(maxStaleness, "maxStaleness");
    requirePositive(fetchTimeout, "fetchTimeout");
    Objects.requireNonNull(minRefreshGap, "minRefreshGap");
    if (minRefreshGap.isNegative()) {
      throw new IllegalArgumentException("minRefreshGap must not be negative");
    }
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive");
    }
  }

  /** A JWKS URL with the default timings and limits. */
  public static KeySetSource url(URI url) {
    return new KeySetSource(Optional.of(url), Optional.empty(), DEFAULT_REFRESH_INTERVAL,
        DEFAULT_MAX_STALENESS, DEFAULT_MIN_REFRESH_GAP, DEFAULT_FETCH_TIMEOUT, DEFAULT_MAX_BYTES);
  }

  /** A local JWKS file with the default timings and limits. */
  public static KeySetSource file(Path file) {
    return new KeySetSource(Optional.empty(), Optional.of(file), DEFAULT_REFRESH_INTERVAL,
        DEFAULT_MAX_STALENESS, DEFAULT_MIN_REFRESH_GAP, DEFAULT_FETCH_TIMEOUT, DEFAULT_MAX_BYTES);
  }

  public KeySetSource withRefreshInterval(Duration value) {
    return new KeySetSource(url, file, value, maxStaleness, minRefreshGap, fetchTimeout, maxBytes);
  }

  public KeySetSource withMaxStaleness(Duration value) {
    return new KeySetSource(url, file, refreshInterval, value, minRefreshGap, fetchTimeout, maxBytes);
  }

  public KeySetSource withMinRefreshGap(Duration value) {
    return new KeySetSource(url, file, refreshInterval, maxStaleness, value, fetchTimeout, maxBytes);
  }

  public KeySetSource withFetchTimeout(Duration value) {
    return new KeySetSource(url, file, refreshInterval, maxStaleness, minRefreshGap, value, maxBytes);
  }

  public KeySetSource withMaxBytes(long value) {
    return new KeySetSource(url, file, refreshInterval, maxStaleness, minRefreshGap, fetchTimeout, value);
  }

  /** The URL or file path, for logs and health output. */
  public String location() {
    return url.map(URI::toString).orElseGet(() -> file.orElseThrow().toString());
  }

  private static void requireHttpUrl(URI url) {
    String scheme = url.getScheme();
    if (!url.isAbsolute() || url.getHost() == null
        || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
      throw new IllegalArgumentException("key set url must be an absolute http(s) URL: " + url);
    }
    if (url.getRawUserInfo() != null) {
      throw new IllegalArgumentException("key set url must not carry credentials: " + url);
    }
  }

  private static void requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
