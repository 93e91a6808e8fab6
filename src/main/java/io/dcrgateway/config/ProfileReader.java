package io.dcrgateway.config;

import io.dcrgateway.config.ProfileConfig.RuleConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One entry of {@code registration.profiles:}, a rule set as data. Rule ids and parameters are
 * only read here; the policy package knows the rules and reports bad ones by {@link RuleConfig#key()}.
 */
final class ProfileReader {

  /** Profile names end up in audit records and metric labels: keep them plain. */
  private static final Pattern NAME = Pattern.compile("[a-z0-9-]+");
  private static final Pattern RULE_ID = Pattern.compile("[a-z0-9.-]+");

  private ProfileReader() {
  }

  /** @param names profile names seen so far in the list */
  static ProfileConfig read(Section profile, DuplicateCheck names) {
    profile.keys("name", "report-only", "require-software-statement", "rules");
    String name = null;
    if (profile.required("name", "lower-case letters, digits and -; a built-in profile's name overrides it")) {
      name = profile.scalar("name")
          .flatMap(value -> value.matching(text -> NAME.matcher(text).matches(),
              "lower-case letters, digits and - only (it labels audit records and metrics)"))
          .filter(text -> names.isFirst(profile.context(), profile.keyOf("name"), text, text))
          .orElse(null);
    }
    boolean reportOnly = profile.scalar("report-only").flatMap(Scalar::asBoolean).orElse(false);
    boolean requireSoftwareStatement =
        profile.scalar("require-software-statement").flatMap(Scalar::asBoolean).orElse(true);
    List<RuleConfig> rules = new ArrayList<>();
    if (profile.required("rules", "the rules to apply, in order: a list of {id: ..., parameters}")) {
      profile.sections("rules").ifPresent(entries -> entries.forEach(entry -> rules.add(rule(entry))));
    }
    return new ProfileConfig(name, profile.key(), reportOnly, requireSoftwareStatement, rules);
  }

  private static RuleConfig rule(Section entry) {
    List<String> params = entry.keysAndData("id");
    String id = null;
    if (entry.required("id", "the rule's id, e.g. redirect-uris.in-software-statement")) {
      id = entry.scalar("id")
          .flatMap(value -> value.matching(text -> RULE_ID.matcher(text).matches(),
              "a rule id: lower-case letters, digits, . and -"))
          .orElse(null);
    }
    Map<String, Object> values = new LinkedHashMap<>();
    params.forEach(param -> entry.plain(param).ifPresent(value -> values.put(param, value)));
    return new RuleConfig(id, entry.key(), values);
  }
}
