package io.dcrgateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A value whose shape the config does not know (a rule's parameters: the policy package types
 * them) as plain Java: {@link String}, {@link Long}, {@link Double}, {@link Boolean}, unmodifiable
 * {@link List}s and {@link Map}s with keys in file order.
 *
 * <p>Scalars are expanded ({@code ${VAR:default}}) and then typed from their text, like every
 * other value in the file: {@code 5} is a Long, {@code 1.5} a Double, {@code true}/{@code false}
 * Booleans, anything else a String. YAML 1.1's guesses ({@code yes}, {@code 0x1F}) stay the
 * text written. Quoting keeps a value a String: {@code "5"}.
 */
final class PlainValue {

  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
  private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]+\\.[0-9]+");

  private PlainValue() {
  }

  /** @return empty after a problem at {@code key} or under it (a value left out, a bad reference) */
  static Optional<Object> read(ReadContext context, String key, JsonNode node) {
    if (node.isMissingNode()) {
      // An alias: YamlDocument has reported it.
      return Optional.empty();
    }
    if (node.isNull()) {
      context.problem(key, "has no value");
      return Optional.empty();
    }
    if (node.isObject()) {
      Map<String, Object> mapping = new LinkedHashMap<>();
      boolean complete = true;
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        Optional<Object> value = read(context, key + "." + field.getKey(), field.getValue());
        value.ifPresent(v -> mapping.put(field.getKey(), v));
        complete &= value.isPresent();
      }
      return complete ? Optional.of(Collections.unmodifiableMap(mapping)) : Optional.empty();
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        read(context, key + "[" + i + "]", node.get(i)).ifPresent(list::add);
      }
      return list.size() == node.size() ? Optional.of(List.copyOf(list)) : Optional.empty();
    }
    return Scalar.expand(context, key, node.asText()).flatMap(scalar -> typed(scalar, wasQuoted(node)));
  }

  /**
   * YAML 1.1 reads every plain scalar shaped like a number or true/false as one, so a string of
   * that shape was quoted (or tagged {@code !!str}) on purpose.
   */
  private static boolean wasQuoted(JsonNode node) {
    return node instanceof YamlDocument.YamlString && looksTyped(node.asText());
  }

  private static boolean looksTyped(String text) {
    return text.equals("true") || text.equals("false")
        || INTEGER.matcher(text).matches() || DECIMAL.matcher(text).matches();
  }

  private static Optional<Object> typed(Scalar scalar, boolean quoted) {
    String text = scalar.text();
    if (quoted || !looksTyped(text)) {
      return Optional.of(text);
    }
    if (text.equals("true") || text.equals("false")) {
      return Optional.of(Boolean.valueOf(text));
    }
    try {
      if (INTEGER.matcher(text).matches()) {
        return Optional.of(Long.valueOf(text));
      }
      double decimal = Double.parseDouble(text);
      if (Double.isFinite(decimal)) {
        return Optional.of(decimal);
      }
    } catch (NumberFormatException e) {
      // Out of range for a long: reported below.
    }
    scalar.problem("is a number too large to read (quote it to keep it as text), got " + scalar.shown());
    return Optional.empty();
  }
}
