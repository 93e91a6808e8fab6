package io.dcrgateway.config;

import java.util.HashMap;
import java.util.Map;

/** Reports a value that repeats one given earlier in the file, naming where the first one is. */
final class DuplicateCheck {

  private final Map<String, String> firstKeys = new HashMap<>();
  private final String note;

  /** @param note appended to each report, e.g. why two spellings count as the same value */
  DuplicateCheck(String note) {
    this.note = note;
  }

  /**
   * @param identity what makes two values the same (e.g. a lower-cased header name)
   * @return whether this is the first time; reports the repeat otherwise
   */
  boolean isFirst(ReadContext context, String key, String identity, String shown) {
    String firstKey = firstKeys.putIfAbsent(identity, key);
    if (firstKey == null) {
      return true;
    }
    context.problem(key, Scalar.quote(shown) + " is already given at " + firstKey + note);
    return false;
  }
}
