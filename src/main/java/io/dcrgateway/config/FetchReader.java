package io.dcrgateway.config;

import io.dcrgateway.config.FetchConfig.AddressRange;
import io.dcrgateway.config.FetchConfig.AllowedTarget;
import io.dcrgateway.config.FetchConfig.HostPattern;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@code fetch:}, which private hosts and ranges request-named URLs may reach. */
final class FetchReader {

  private static final Pattern IPV4 =
      Pattern.compile("((25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
  private static final String ENTRY = "a host name (jwks.internal.example), a wildcard host (*.internal.example),"
      + " an IP address or a CIDR range (10.20.0.0/16, fd00::/8)";

  private FetchReader() {
  }

  static FetchConfig read(Section fetch) {
    fetch.keys("allow-list");
    List<AllowedTarget> entries = new ArrayList<>();
    fetch.scalars("allow-list").ifPresent(values -> values.forEach(value -> entry(value).ifPresent(entries::add)));
    return new FetchConfig(entries);
  }

  private static Optional<AllowedTarget> entry(Scalar value) {
    String text = value.text().trim().toLowerCase(Locale.ROOT);
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    if (IPV4.matcher(address).matches() || (address.contains(":") && IPV6.matcher(address).matches())) {
      return range(value, text, address, slash < 0 ? Optional.empty() : Optional.of(text.substring(slash + 1)));
    }
    if (slash >= 0) {
      value.reject(ENTRY);
      return Optional.empty();
    }
    if (text.equals("*")) {
      // Allowing everything would switch the protection off without saying so.
      value.reject(ENTRY + "; \"*\" alone would allow every host");
      return Optional.empty();
    }
    String name = text.startsWith("*.") ? text.substring(2) : text;
    if (!HostName.isValid(name) || name.isEmpty()) {
      value.reject(ENTRY);
      return Optional.empty();
    }
    return Optional.of(new HostPattern(text));
  }

  private static Optional<AllowedTarget> range(Scalar value, String text, String address, Optional<String> prefix) {
    byte[] bytes;
    try {
      // An IP literal: getByName does not resolve it (no DNS at load time).
      bytes = InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      value.reject(ENTRY);
      return Optional.empty();
    }
    int bits = bytes.length * 8;
    int length = bits;
    if (prefix.isPresent()) {
      if (!prefix.get().matches("[0-9]{1,3}") || Integer.parseInt(prefix.get()) > bits) {
        value.reject("a CIDR range with a prefix length between 0 and " + bits);
        return Optional.empty();
      }
      length = Integer.parseInt(prefix.get());
    }
    for (int bit = length; bit < bits; bit++) {
      if ((bytes[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
        value.reject("a CIDR range whose address has no bits set beyond its prefix (did you mean "
            + network(bytes, length) + "/" + length + "?)");
        return Optional.empty();
      }
    }
    if (length == 0) {
      value.reject(ENTRY + "; a /0 range would allow every address");
      return Optional.empty();
    }
    return Optional.of(new AddressRange(bytes, length, text));
  }

  private static String network(byte[] bytes, int length) {
    byte[] masked = bytes.clone();
    for (int bit = length; bit < masked.length * 8; bit++) {
      masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
    }
    try {
      return InetAddress.getByAddress(masked).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
