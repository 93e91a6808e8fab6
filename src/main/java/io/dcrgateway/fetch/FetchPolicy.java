package io.dcrgateway.fetch;

import io.dcrgateway.config.FetchConfig;
import io.dcrgateway.config.FetchConfig.AddressRange;
import io.dcrgateway.config.FetchConfig.AllowedTarget;
import io.dcrgateway.config.FetchConfig.HostPattern;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a URL named by a request or a certificate may be fetched from (SSRF): only http(s), only
 * public addresses, only https where the content is not signed, unless {@code fetch.allow-list}
 * allows the host (as named) or every address it resolves to. The host is resolved first, on a
 * worker thread (the JDK resolver blocks), every address is checked, and the connection is pinned
 * to the first one: a DNS answer that changes between check and connect cannot lead elsewhere.
 */
public final class FetchPolicy implements FetchGuard {

  /** Which schemes a URL may use when no allow-list entry covers it. */
  public enum Schemes {
    /** Keys that vouch for signatures must come over an authenticated channel. */
    HTTPS_ONLY,
    /**
     * OCSP answers and CRLs are signed by the CA, and are published over plain http almost
     * everywhere (RFC 5280 §4.2.1.13, RFC 6960 Appendix A): the address rules still apply.
     */
    HTTP_OR_HTTPS
  }

  private final Vertx vertx;
  private final List<AllowedTarget> allowList;
  private final Schemes schemes;
  private final String what;

  /** @param what names the URL in refusals, e.g. "software_jwks_endpoint" */
  public FetchPolicy(Vertx vertx, FetchConfig config, Schemes schemes, String what) {
    this.vertx = vertx;
    this.allowList = config.allowList();
    this.schemes = schemes;
    this.what = what;
  }

  @Override
  public Future<FetchTarget> vet(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("https") || scheme.equals("http")) || url.getHost() == null || url.getRawUserInfo() != null) {
      return refused(url, "only absolute http(s) URLs without credentials are fetched");
    }
    String host = bare(url.getHost());
    if (hostAllowed(host)) {
      return Future.succeededFuture(FetchTarget.unpinned(url));
    }
    boolean plainHttp = scheme.equals("http") && schemes == Schemes.HTTPS_ONLY;
    if (plainHttp && allowList.stream().noneMatch(AddressRange.class::isInstance)) {
      return refused(url, "it must be https");
    }
    return vertx.executeBlocking(() -> InetAddress.getAllByName(host), false)
        .recover(e -> Future.failedFuture(e instanceof UnknownHostException
            ? new FetchRefusedException(what + " " + url + " is not fetched: host " + host + " does not resolve")
            : e))
        .compose(addresses -> pinned(url, addresses, plainHttp));
  }

  private Future<FetchTarget> pinned(URI url, InetAddress[] addresses, boolean plainHttp) {
    if (addresses.length == 0) {
      return refused(url, "its host resolves to no address");
    }
    for (InetAddress address : addresses) {
      if (inAllowedRange(address)) {
        continue;
      }
      if (plainHttp) {
        return refused(url, "it must be https (" + address.getHostAddress() + " is not in fetch.allow-list)");
      }
      Optional<String> why = PublicAddress.whyNotPublic(address);
      if (why.isPresent()) {
        return refused(url, "its host resolves to " + address.getHostAddress() + ", " + why.get()
            + ", which is only reached when fetch.allow-list names it");
      }
    }
    return Future.succeededFuture(new FetchTarget(url,
        Optional.of(SocketAddress.inetSocketAddress(FetchTarget.port(url), addresses[0].getHostAddress()))));
  }

  private Future<FetchTarget> refused(URI url, String why) {
    return Future.failedFuture(new FetchRefusedException(what + " " + url + " is not fetched: " + why));
  }

  private boolean hostAllowed(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    return allowList.stream().filter(HostPattern.class::isInstance).map(e -> ((HostPattern) e).pattern())
        .anyMatch(pattern -> pattern.startsWith("*.") ? name.endsWith(pattern.substring(1)) : name.equals(pattern));
  }

  private boolean inAllowedRange(InetAddress address) {
    byte[] bytes = address.getAddress();
    return allowList.stream().filter(AddressRange.class::isInstance).map(AddressRange.class::cast)
        .anyMatch(range -> contains(range, bytes));
  }

  private static boolean contains(AddressRange range, byte[] address) {
    byte[] network = range.network();
    if (network.length != address.length) {
      return false;
    }
    for (int bit = 0; bit < range.prefixLength(); bit++) {
      int mask = 0x80 >>> (bit % 8);
      if ((network[bit / 8] & mask) != (address[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  /** URI keeps the brackets of an IPv6 literal. */
  private static String bare(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }
}
