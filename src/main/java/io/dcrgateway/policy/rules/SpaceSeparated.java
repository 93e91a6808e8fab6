package io.dcrgateway.policy.rules;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A value list written as one string with spaces between the values: {@code scope} (RFC 6749
 * §3.3) and a {@code response_types} entry. Order and repetition carry no meaning.
 */
final class SpaceSeparated {

  private SpaceSeparated() {
  }

  /** The distinct values, in first-seen order. */
  static Set<String> values(String text) {
    Set<String> values = new LinkedHashSet<>();
    Arrays.stream(text.split(" ")).filter(v -> !v.isEmpty()).forEach(values::add);
    return values;
  }
}
