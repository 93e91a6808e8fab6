package io.dcrgateway.config;

import java.util.Locale;

/** RFC 9110 5.6.2 tokens: what an HTTP field name may be. */
final class HttpToken {

  private static final String SYMBOLS = "!#$%&'*+-.^_`|~";

  private HttpToken() {
  }

  static boolean isToken(String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (char c : value.toCharArray()) {
      boolean alphaNumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alphaNumeric && SYMBOLS.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Field names are case-insensitive (RFC 9110 5.1): compare them through this. */
  static String caseless(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
