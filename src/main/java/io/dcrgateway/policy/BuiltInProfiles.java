package io.dcrgateway.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dcrgateway.config.ProfileConfig;
import io.dcrgateway.config.ProfileConfig.RuleConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The profiles shipped in the jar ({@code profiles/*.yaml}): ecosystem knowledge kept as data in
 * the same shape an operator writes in the config file.
 */
final class BuiltInProfiles {

  static final List<String> NAMES = List.of("open-finance-brasil", "uk-open-banking", "generic");

  private BuiltInProfiles() {
  }

  static List<ProfileConfig> load() {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<ProfileConfig> profiles = new ArrayList<>();
    for (String name : NAMES) {
      String resource = "profiles/" + name + ".yaml";
      try (InputStream in = BuiltInProfiles.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("built-in profile missing from the jar: " + resource);
        }
        profiles.add(profile(resource, yaml.readValue(in, LinkedHashMap.class)));
      } catch (IOException e) {
        throw new UncheckedIOException("built-in profile " + resource + " does not parse", e);
      }
    }
    return profiles;
  }

  @SuppressWarnings("unchecked")
  private static ProfileConfig profile(String resource, Map<String, Object> data) {
    List<RuleConfig> rules = new ArrayList<>();
    List<Map<String, Object>> entries = (List<Map<String, Object>>) data.getOrDefault("rules", List.of());
    for (int i = 0; i < entries.size(); i++) {
      Map<String, Object> params = new LinkedHashMap<>(entries.get(i));
      String id = String.valueOf(params.remove("id"));
      rules.add(new RuleConfig(id, resource + ":rules[" + i + "]", params));
    }
    return new ProfileConfig(
        String.valueOf(data.get("name")),
        resource,
        Boolean.TRUE.equals(data.get("report-only")),
        !Boolean.FALSE.equals(data.get("require-software-statement")),
        rules);
  }
}
