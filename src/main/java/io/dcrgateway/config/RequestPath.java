package io.dcrgateway.config;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An endpoint path such as {@code /register}: the base that {@code /{client_id}} is appended to
 * for RFC 7592 management, hence no trailing slash.
 */
final class RequestPath {

  /** RFC 3986 pchar: unreserved, percent-encoded, sub-delims, ':' and '@'. */
  private static final Pattern SEGMENT =
      Pattern.compile("([A-Za-z0-9._~!$&'()*+,;=:@-]|%[0-9A-Fa-f]{2})+");

  private RequestPath() {
  }

  /** @return what is wrong with {@code path}, phrased to follow "must be" */
  static Optional<String> problem(String path) {
    if (!path.startsWith("/") || path.endsWith("/")) {
      return Optional.of("a path that starts with / and does not end with / (e.g. /register)");
    }
    for (String segment : path.substring(1).split("/", -1)) {
      if (segment.isEmpty()) {
        return Optional.of("a path without empty segments (//)");
      }
      if (segment.equals(".") || segment.equals("..")) {
        // Normalising proxies would route such a path somewhere else than it reads.
        return Optional.of("a path without . or .. segments");
      }
      if (!SEGMENT.matcher(segment).matches()) {
        return Optional.of("a path of URL path characters only"
            + " (letters, digits, -._~!$&'()*+,;=:@ and %XX escapes)");
      }
    }
    return Optional.empty();
  }

  static Optional<String> read(Scalar value) {
    Optional<String> problem = problem(value.text());
    problem.ifPresent(value::reject);
    return problem.isPresent() ? Optional.empty() : Optional.of(value.text());
  }
}
