package io.dcrgateway.policy;

import io.dcrgateway.config.ConfigProblem;
import io.dcrgateway.config.ProfileConfig;
import io.dcrgateway.config.ProfileConfig.RuleConfig;
import io.dcrgateway.config.RegistrationConfig;
import io.dcrgateway.config.SetupException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns profile data into rules: the built-in profiles shipped in the jar, then the config
 * file's, which may add profiles or replace a built-in one by name. Unknown rule ids and bad
 * parameters are reported together, by config key, before the gateway listens.
 */
public final class Profiles {

  private Profiles() {
  }

  /** @return every profile by name */
  public static Map<String, Profile> build(RegistrationConfig config) throws SetupException {
    Map<String, ProfileConfig> definitions = new LinkedHashMap<>();
    BuiltInProfiles.load().forEach(p -> definitions.put(p.name(), p));
    config.profiles().forEach(p -> definitions.put(p.name(), p));

    List<ConfigProblem> problems = new ArrayList<>();
    Map<String, Profile> profiles = new LinkedHashMap<>();
    definitions.forEach((name, definition) -> profiles.put(name, build(definition, problems)));
    if (!profiles.containsKey(config.profile())) {
      problems.add(new ConfigProblem("registration.profile", "no profile named \"" + config.profile()
          + "\" (known: " + String.join(", ", profiles.keySet()) + ")"));
    }
    for (int i = 0; i < config.routes().size(); i++) {
      String routeProfile = config.routes().get(i).profile();
      if (routeProfile != null && !profiles.containsKey(routeProfile)) {
        problems.add(new ConfigProblem("registration.routes[" + i + "].profile", "no profile named \""
            + routeProfile + "\" (known: " + String.join(", ", profiles.keySet()) + ")"));
      }
    }
    if (!problems.isEmpty()) {
      throw new SetupException(problems);
    }
    return profiles;
  }

  /** One profile's rules; unknown ids and bad parameters go to {@code problems}. */
  static Profile build(ProfileConfig definition, List<ConfigProblem> problems) {
    List<Rule> rules = new ArrayList<>();
    for (RuleConfig entry : definition.rules()) {
      Map<String, Object> params = new LinkedHashMap<>(entry.params());
      Object operations = params.remove("operations");
      RuleCatalog.factory(entry.id()).ifPresentOrElse(
          factory -> rules.add(OperationScope.limit(factory.create(new RuleParams(entry.key(), params, problems)),
              operations, entry.key() + ".operations", problems)),
          () -> problems.add(new ConfigProblem(entry.key() + ".id", "unknown rule \"" + entry.id()
              + "\" (known: " + String.join(", ", RuleCatalog.ids()) + ")")));
    }
    return new Profile(definition.name(), definition.reportOnly(), definition.requireSoftwareStatement(), rules);
  }
}
