package io.dcrgateway.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ecosystem's rule set as data: an ordered list of rule ids with their parameters. The
 * policy package turns it into checks and reports unknown ids and bad parameters by key.
 *
 * @param key where it was defined (a config key, or the built-in resource), for messages
 * @param reportOnly would-be rejections are logged and counted, and the request is forwarded
 * @param requireSoftwareStatement a registration without {@code software_statement} is refused
 */
public record ProfileConfig(
    String name,
    String key,
    boolean reportOnly,
    boolean requireSoftwareStatement,
    List<RuleConfig> rules) {

  public ProfileConfig {
    rules = List.copyOf(rules);
  }

  /**
   * @param key where this entry is, e.g. {@code registration.profiles[0].rules[3]}
   * @param params the entry's other keys in file order, as plain values: String, Long, Double,
   *     Boolean, List and Map (keys in file order) of those
   */
  public record RuleConfig(String id, String key, Map<String, Object> params) {

    public RuleConfig {
      // Not Map.copyOf: parameters keep the order they are written in.
      params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
  }
}
