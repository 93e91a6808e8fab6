package io.dcrgateway.policy;

import io.dcrgateway.config.ConfigLoader;
import io.dcrgateway.config.ProfileConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The profiles shipped in the jar ({@code profiles/*.yaml}): ecosystem knowledge kept as data in
 * the same shape an operator writes in the config file, and read by the same reader.
 */
final class BuiltInProfiles {

  static final List<String> NAMES = List.of("open-finance-brasil", "uk-open-banking", "generic");

  private BuiltInProfiles() {
  }

  static List<ProfileConfig> load() {
    List<ProfileConfig> profiles = new ArrayList<>();
    for (String name : NAMES) {
      String resource = "profiles/" + name + ".yaml";
      try (InputStream in = BuiltInProfiles.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("built-in profile missing from the jar: " + resource);
        }
        profiles.add(ConfigLoader.builtInProfile(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException("built-in profile " + resource + " cannot be read", e);
      }
    }
    return profiles;
  }
}
