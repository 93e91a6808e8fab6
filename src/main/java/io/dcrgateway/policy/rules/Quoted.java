package io.dcrgateway.policy.rules;

import io.vertx.core.json.Json;

/** How a value the TPP sent appears in an error description: as JSON, so its type shows too. */
final class Quoted {

  private static final int MAX = 200;

  private Quoted() {
  }

  static String json(Object value) {
    String text = Json.encode(value);
    // error_description is one line of ASCII-ish text; a 10 kB echo helps nobody.
    return text.length() <= MAX ? text : text.substring(0, MAX) + "...";
  }
}
