package io.dcrgateway.policy;

import io.dcrgateway.config.ConfigProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rule's parameters from config, read with types. Every problem (unknown key, wrong type) is
 * collected with the entry's config key, so a bad profile fails at start-up with all of them.
 */
public final class RuleParams {

  private final String key;
  private final Map<String, Object> values;
  private final List<ConfigProblem> problems;

  public RuleParams(String key, Map<String, Object> values, List<ConfigProblem> problems) {
    this.key = key;
    this.values = values;
    this.problems = problems;
  }

  /** Reports every parameter the rule does not take. */
  public RuleParams allow(String... names) {
    Set<String> allowed = Set.of(names);
    values.keySet().stream().filter(k -> !allowed.contains(k)).sorted().forEach(k -> problem(k,
        "unknown parameter" + (names.length == 0 ? " (this rule takes none)"
            : " (allowed: " + String.join(", ", names) + ")")));
    return this;
  }

  public String string(String name, String fallback) {
    Object value = values.get(name);
    if (value == null) {
      return fallback;
    }
    if (value instanceof String s) {
      return s;
    }
    problem(name, "must be a string");
    return fallback;
  }

  /** A string limited to the given choices. */
  public String choice(String name, String fallback, String... choices) {
    Object raw = values.get(name);
    if (raw != null && !(raw instanceof String)) {
      problem(name, "must be one of " + String.join(", ", choices));
      return fallback;
    }
    String value = string(name, fallback);
    if (!List.of(choices).contains(value)) {
      problem(name, "must be one of " + String.join(", ", choices) + ", got \"" + value + "\"");
      return fallback;
    }
    return value;
  }

  public boolean bool(String name, boolean fallback) {
    Object value = values.get(name);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    problem(name, "must be true or false");
    return fallback;
  }

  public List<String> strings(String name, List<String> fallback) {
    Object value = values.get(name);
    if (value == null) {
      return fallback;
    }
    List<String> strings = asStrings(value);
    if (strings == null) {
      problem(name, "must be a list of strings");
      return fallback;
    }
    return strings;
  }

  /** A mapping of names to lists of strings, e.g. roles to scopes. */
  public Map<String, List<String>> stringLists(String name, Map<String, List<String>> fallback) {
    Object value = values.get(name);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Map<?, ?> map)) {
      problem(name, "must be a mapping of names to lists of strings");
      return fallback;
    }
    Map<String, List<String>> result = new LinkedHashMap<>();
    for (var entry : map.entrySet()) {
      List<String> strings = asStrings(entry.getValue());
      if (strings == null) {
        problem(name + "." + entry.getKey(), "must be a list of strings");
      } else {
        result.put(String.valueOf(entry.getKey()), strings);
      }
    }
    return result;
  }

  /** A mapping of names to strings, e.g. metadata fields to statement claims. */
  public Map<String, String> stringMap(String name, Map<String, String> fallback) {
    Object value = values.get(name);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Map<?, ?> map)) {
      problem(name, "must be a mapping of names to strings");
      return fallback;
    }
    Map<String, String> result = new LinkedHashMap<>();
    for (var entry : map.entrySet()) {
      if (entry.getValue() instanceof String s) {
        result.put(String.valueOf(entry.getKey()), s);
      } else {
        problem(name + "." + entry.getKey(), "must be a string");
      }
    }
    return result;
  }

  public void problem(String name, String message) {
    problems.add(new ConfigProblem(key + "." + name, message));
  }

  private static List<String> asStrings(Object value) {
    if (!(value instanceof List<?> list)) {
      return null;
    }
    List<String> strings = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof String s)) {
        return null;
      }
      strings.add(s);
    }
    return List.copyOf(strings);
  }
}
