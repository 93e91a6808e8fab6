package io.dcrgateway.fetch;

import io.vertx.core.net.SocketAddress;
import java.net.URI;
import java.util.Optional;

/**
 * A URL that may be fetched, and the address it was vetted at. Connecting to {@code pinned}
 * rather than resolving the host again closes the DNS-rebinding gap: a name that answered a
 * public address to the check cannot answer a private one to the connection. The URL's host
 * still goes in the Host header, SNI and the server certificate check.
 *
 * @param pinned empty for trusted URLs, which Vert.x resolves itself
 */
public record FetchTarget(URI url, Optional<SocketAddress> pinned) {

  public static FetchTarget unpinned(URI url) {
    return new FetchTarget(url, Optional.empty());
  }

  /** The URL's port, or the scheme's default. */
  public static int port(URI url) {
    return url.getPort() >= 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
  }
}
