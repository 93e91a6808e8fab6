package io.dcrgateway.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Absolute http and https URLs the gateway publishes or fetches from. */
final class HttpUrl {

  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

  private HttpUrl() {
  }

  /**
   * An absolute http or https URL with a host and neither credentials nor fragment, its scheme
   * lower-cased.
   *
   * @param requirement what the key takes, phrased to follow "must be"
   */
  static Optional<URI> read(Scalar value, String requirement) {
    URI uri;
    try {
      uri = new URI(value.text());
    } catch (URISyntaxException e) {
      value.reject(requirement);
      return Optional.empty();
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.isOpaque() || uri.getHost() == null
        || uri.getRawFragment() != null) {
      value.reject(requirement);
      return Optional.empty();
    }
    if (uri.getRawUserInfo() != null) {
      // The value is not echoed: it holds a password.
      value.problem("must not contain credentials (user:password@)");
      return Optional.empty();
    }
    return Optional.of(URI.create(scheme + "://" + uri.getRawAuthority()
        + (uri.getRawPath() == null ? "" : uri.getRawPath())
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())));
  }

  static boolean isLoopback(URI uri) {
    return LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
  }
}
