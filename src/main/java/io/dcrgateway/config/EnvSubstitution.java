package io.dcrgateway.config;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Expands {@code ${NAME}} and {@code ${NAME:default}} in a scalar before it is typed, so one
 * file serves every environment ({@code port: ${GATEWAY_PORT:8443}}).
 *
 * <ul>
 *   <li>The default applies when the variable is unset or empty: an empty port or URL is never
 *       what an operator meant.
 *   <li>{@code $${} is a literal {@code ${}; any other {@code $} is literal too.
 *   <li>Expanded values are not expanded again, so a variable's content cannot pull in others.
 *   <li>A default ends at the first {@code }}; it cannot contain one.
 * </ul>
 */
final class EnvSubstitution {

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Function<String, String> env;

  EnvSubstitution(Function<String, String> env) {
    this.env = env;
  }

  /**
   * @return the expanded text, or empty after adding one message per unresolvable reference
   */
  Optional<String> expand(String raw, List<String> problems) {
    StringBuilder out = new StringBuilder(raw.length());
    int before = problems.size();
    int i = 0;
    while (i < raw.length()) {
      if (raw.startsWith("$${", i)) {
        out.append("${");
        i += 3;
      } else if (raw.startsWith("${", i)) {
        int close = raw.indexOf('}', i + 2);
        if (close < 0) {
          problems.add("unclosed \"${\" (write $${ for a literal \"${\")");
          break;
        }
        out.append(resolve(raw.substring(i + 2, close), problems));
        i = close + 1;
      } else {
        out.append(raw.charAt(i));
        i++;
      }
    }
    return problems.size() == before ? Optional.of(out.toString()) : Optional.empty();
  }

  private String resolve(String reference, List<String> problems) {
    int colon = reference.indexOf(':');
    String name = colon < 0 ? reference : reference.substring(0, colon);
    if (!NAME.matcher(name).matches()) {
      problems.add("\"${" + reference + "}\" does not name an environment variable"
          + " (letters, digits and _, not starting with a digit)");
      return "";
    }
    String value = env.apply(name);
    if (value != null && !value.isEmpty()) {
      return value;
    }
    if (colon >= 0) {
      return reference.substring(colon + 1);
    }
    problems.add("environment variable " + name + " is "
        + (value == null ? "not set" : "empty") + " and has no default"
        + " (write ${" + name + ":value} to give one)");
    return "";
  }
}
