package io.dcrgateway.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes as written in the config: {@code 65536}, {@code 512B}, {@code 64KiB}, {@code 1MiB}.
 * Binary units only: "KB" means 1000 to some readers and 1024 to others.
 */
public final class ByteSizeFormat {

  private static final long KIB = 1024;
  private static final long MIB = 1024 * 1024;
  private static final Pattern SYNTAX = Pattern.compile("([0-9]{1,12})(B|KiB|MiB)?");
  private static final Pattern DECIMAL_UNIT = Pattern.compile("[0-9]+\\s*[kKmMgG][bB]?");

  private ByteSizeFormat() {
  }

  public static Optional<Long> parse(String text) {
    Matcher m = SYNTAX.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    long amount = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "B" : m.group(2);
    return Optional.of(switch (unit) {
      case "KiB" -> amount * KIB;
      case "MiB" -> amount * MIB;
      default -> amount;
    });
  }

  /** {@code 64KB}, {@code 1M}, {@code 2g}: a unit whose meaning is ambiguous. */
  static boolean isDecimalUnit(String text) {
    return DECIMAL_UNIT.matcher(text).matches();
  }

  /** The largest binary unit that states the size exactly: 65536 is {@code 64KiB}. */
  public static String format(long bytes) {
    if (bytes != 0 && bytes % MIB == 0) {
      return bytes / MIB + "MiB";
    }
    if (bytes != 0 && bytes % KIB == 0) {
      return bytes / KIB + "KiB";
    }
    return bytes + "B";
  }
}
