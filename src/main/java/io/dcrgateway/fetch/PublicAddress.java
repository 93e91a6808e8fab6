package io.dcrgateway.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Whether an address is on the public internet, where a URL from a request may lead. Everything
 * else (IANA special-purpose ranges, RFC 6890) is where the bank's own services live, or where
 * nothing should be reached at all: loopback, "this network" (0.0.0.0/8, ::), RFC 1918 private,
 * shared CGNAT space, link-local (169.254/16 is where cloud metadata services answer), ULA,
 * multicast, benchmarking, documentation and reserved ranges. IPv6 forms that embed an IPv4
 * address (mapped, compatible, NAT64, 6to4) are judged by the address they embed.
 */
final class PublicAddress {

  private PublicAddress() {
  }

  /** @return empty when public, else what the address is */
  static Optional<String> whyNotPublic(InetAddress address) {
    if (address instanceof Inet6Address v6) {
      Optional<InetAddress> embedded = embeddedIpv4(v6.getAddress());
      if (embedded.isPresent()) {
        return whyNotPublic(embedded.get()).map(why -> why + " (embedded in " + address.getHostAddress() + ")");
      }
      return ipv6(v6.getAddress());
    }
    return ipv4(address.getAddress());
  }

  private static Optional<String> ipv4(byte[] a) {
    int b0 = a[0] & 0xff;
    int b1 = a[1] & 0xff;
    int b2 = a[2] & 0xff;
    if (b0 == 0) {
      return Optional.of("a \"this network\" address (0.0.0.0/8)");
    }
    if (b0 == 127) {
      return Optional.of("a loopback address");
    }
    if (b0 == 10 || (b0 == 172 && (b1 & 0xf0) == 16) || (b0 == 192 && b1 == 168)) {
      return Optional.of("a private address (RFC 1918)");
    }
    if (b0 == 100 && (b1 & 0xc0) == 64) {
      return Optional.of("a shared address (100.64.0.0/10, RFC 6598)");
    }
    if (b0 == 169 && b1 == 254) {
      return Optional.of("a link-local address (169.254.0.0/16, where cloud metadata services answer)");
    }
    if (b0 == 192 && b1 == 0 && (b2 == 0 || b2 == 2)) {
      return Optional.of("a special-purpose or documentation address (192.0.0.0/24, 192.0.2.0/24)");
    }
    if (b0 == 198 && (b1 & 0xfe) == 18) {
      return Optional.of("a benchmarking address (198.18.0.0/15)");
    }
    if ((b0 == 198 && b1 == 51 && b2 == 100) || (b0 == 203 && b1 == 0 && b2 == 113)) {
      return Optional.of("a documentation address");
    }
    if (b0 >= 224 && b0 <= 239) {
      return Optional.of("a multicast address");
    }
    if (b0 >= 240) {
      return Optional.of("a reserved or broadcast address (240.0.0.0/4)");
    }
    return Optional.empty();
  }

  private static Optional<String> ipv6(byte[] a) {
    boolean allZeroButLast = true;
    for (int i = 0; i < 15; i++) {
      allZeroButLast &= a[i] == 0;
    }
    if (allZeroButLast && a[15] == 0) {
      return Optional.of("the unspecified address (::)");
    }
    if (allZeroButLast && a[15] == 1) {
      return Optional.of("a loopback address");
    }
    int b0 = a[0] & 0xff;
    int b1 = a[1] & 0xff;
    if ((b0 & 0xfe) == 0xfc) {
      return Optional.of("a unique local address (fc00::/7)");
    }
    if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
      return Optional.of("a link-local address (fe80::/10)");
    }
    if (b0 == 0xfe && (b1 & 0xc0) == 0xc0) {
      return Optional.of("a site-local address (fec0::/10)");
    }
    if (b0 == 0xff) {
      return Optional.of("a multicast address");
    }
    if (b0 == 0x20 && b1 == 0x01 && a[2] == 0x0d && (a[3] & 0xff) == 0xb8) {
      return Optional.of("a documentation address (2001:db8::/32)");
    }
    if (b0 == 0x01 && b1 == 0 && a[2] == 0 && a[3] == 0 && a[4] == 0 && a[5] == 0 && a[6] == 0 && a[7] == 0) {
      return Optional.of("a discard-only address (100::/64)");
    }
    return Optional.empty();
  }

  /** IPv4-mapped ::ffff:a.b.c.d, IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16. */
  private static Optional<InetAddress> embeddedIpv4(byte[] a) {
    boolean firstTenZero = true;
    for (int i = 0; i < 10; i++) {
      firstTenZero &= a[i] == 0;
    }
    if (firstTenZero && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
      return v4(a, 12);
    }
    if (firstTenZero && a[10] == 0 && a[11] == 0 && !((a[12] | a[13] | a[14]) == 0 && (a[15] & 0xfe) == 0)) {
      return v4(a, 12);
    }
    boolean nat64 = a[0] == 0 && a[1] == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b;
    for (int i = 4; nat64 && i < 12; i++) {
      nat64 = a[i] == 0;
    }
    if (nat64) {
      return v4(a, 12);
    }
    if (a[0] == 0x20 && a[1] == 0x02) {
      return v4(a, 2);
    }
    return Optional.empty();
  }

  private static Optional<InetAddress> v4(byte[] a, int from) {
    try {
      return Optional.of(Inet4Address.getByAddress(new byte[] {a[from], a[from + 1], a[from + 2], a[from + 3]}));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
