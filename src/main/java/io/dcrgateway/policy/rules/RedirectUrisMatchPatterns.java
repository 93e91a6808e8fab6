package io.dcrgateway.policy.rules;

import io.dcrgateway.error.ErrorCodes;
import io.dcrgateway.policy.RegistrationContext;
import io.dcrgateway.policy.Rule;
import io.dcrgateway.policy.RuleParams;
import io.dcrgateway.policy.RuleResult;
import io.vertx.core.json.JsonArray;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Registrations without a software statement have no list to compare redirect URIs with: the
 * operator's patterns take its place. Each {@code redirect_uris} entry must match one pattern in
 * full (Java regex). For native apps (RFC 8252 §7.1), {@code private-use-schemes} lists the
 * reverse-domain schemes the apps own ({@code com.example.app}): an entry with one of them must
 * have no authority ({@code com.example.app:/oauth2redirect}, one slash), as §7.1 requires.
 *
 * <p>Params: {@code patterns} (regexes), {@code private-use-schemes}; at least one of them.
 */
public final class RedirectUrisMatchPatterns implements Rule {

  public static final String ID = "redirect-uris.match-patterns";

  private final List<Pattern> patterns;
  private final List<String> schemes;

  private RedirectUrisMatchPatterns(List<Pattern> patterns, List<String> schemes) {
    this.patterns = patterns;
    this.schemes = schemes;
  }

  public static Rule create(RuleParams params) {
    params.allow("patterns", "private-use-schemes");
    List<Pattern> patterns = new ArrayList<>();
    for (String regex : params.strings("patterns", List.of())) {
      try {
        patterns.add(Pattern.compile(regex));
      } catch (PatternSyntaxException e) {
        params.problem("patterns", "\"" + regex + "\" is not a valid regular expression: " + e.getDescription());
      }
    }
    List<String> schemes = params.strings("private-use-schemes", List.of());
    for (String scheme : schemes) {
      // RFC 8252 §7.1: a reverse domain name the app's publisher controls, so it contains a period.
      if (!scheme.matches("[a-z][a-z0-9+.-]*") || !scheme.contains(".")) {
        params.problem("private-use-schemes", "\"" + scheme + "\" is not a reverse-domain URI scheme such as"
            + " com.example.app (RFC 8252 §7.1)");
      }
    }
    if (patterns.isEmpty() && schemes.isEmpty()) {
      params.problem("patterns", "give patterns or private-use-schemes (or both)");
    }
    return new RedirectUrisMatchPatterns(List.copyOf(patterns), List.copyOf(schemes));
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public RuleResult evaluate(RegistrationContext context) {
    if (!(context.metadata().getValue("redirect_uris") instanceof JsonArray uris)) {
      return RuleResult.pass(); // presence and shape: redirect-uris.required's job
    }
    for (Object entry : uris) {
      if (!(entry instanceof String uri) || !(matchesPattern(uri) || privateUse(uri))) {
        return RuleResult.reject(ErrorCodes.INVALID_REDIRECT_URI, "redirect_uris entry " + Quoted.json(entry)
            + " is not allowed here" + (schemes.isEmpty() ? "" : "; native apps use their private-use scheme,"
            + " e.g. " + schemes.get(0) + ":/oauth2redirect"));
      }
    }
    return RuleResult.pass();
  }

  private boolean matchesPattern(String uri) {
    return patterns.stream().anyMatch(p -> p.matcher(uri).matches());
  }

  private boolean privateUse(String uri) {
    try {
      URI parsed = new URI(uri);
      return parsed.getScheme() != null && schemes.contains(parsed.getScheme()) && parsed.getRawAuthority() == null
          && parsed.getRawPath() != null && parsed.getRawPath().startsWith("/") && parsed.getRawFragment() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
