package io.dcrgateway.config;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Host names and IP literals a listener may bind to, and when two of them share sockets. */
final class HostName {

  private static final Pattern DNS_NAME = Pattern.compile(
      "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
  private static final Pattern IPV4 =
      Pattern.compile("((25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])");
  private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
  private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "0:0:0:0:0:0:0:0");
  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "0:0:0:0:0:0:0:1");

  private HostName() {
  }

  /** Syntax only: resolving names here would make loading depend on DNS. */
  static boolean isValid(String host) {
    if (host.matches("[0-9.]+")) {
      return IPV4.matcher(host).matches();
    }
    return host.length() <= 253 && (DNS_NAME.matcher(host).matches() || IPV6_LITERAL.matcher(host).matches());
  }

  /**
   * Whether binding both would contend for the same port: the same host, a wildcard on
   * either side, or two spellings of loopback.
   */
  static boolean overlap(String a, String b) {
    String x = a.toLowerCase(Locale.ROOT);
    String y = b.toLowerCase(Locale.ROOT);
    return x.equals(y)
        || WILDCARDS.contains(x) || WILDCARDS.contains(y)
        || (LOOPBACK.contains(x) && LOOPBACK.contains(y));
  }
}
