package io.dcrgateway.policy.rules;

import io.dcrgateway.error.ErrorCodes;
import io.dcrgateway.policy.RegistrationContext;
import io.dcrgateway.policy.Rule;
import io.dcrgateway.policy.RuleParams;
import io.dcrgateway.policy.RuleResult;
import io.vertx.core.json.JsonArray;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * UK DCR (SPEC UK-09), RFC 6749 §3.1.2: every redirect URI is an absolute {@code https} URI with a
 * host and no fragment, so authorization codes never travel in clear text, and (unless
 * {@code allow-localhost}) not to the user's own machine, where any local process could catch them.
 *
 * <p>Params: {@code allow-localhost} (default false).
 */
public final class RedirectUrisHttps implements Rule {

  public static final String ID = "redirect-uris.https";

  private final boolean allowLocalhost;

  private RedirectUrisHttps(boolean allowLocalhost) {
    this.allowLocalhost = allowLocalhost;
  }

  public static Rule create(RuleParams params) {
    params.allow("allow-localhost");
    return new RedirectUrisHttps(params.bool("allow-localhost", false));
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public RuleResult evaluate(RegistrationContext context) {
    if (!(context.metadata().getValue("redirect_uris") instanceof JsonArray uris)) {
      return RuleResult.pass(); // presence and shape are redirect-uris.required's job
    }
    for (int i = 0; i < uris.size(); i++) {
      Optional<String> problem = problem(uris.getValue(i));
      if (problem.isPresent()) {
        return RuleResult.reject(ErrorCodes.INVALID_REDIRECT_URI,
            "redirect_uris[" + i + "] " + Quoted.json(uris.getValue(i)) + " " + problem.get());
      }
    }
    return RuleResult.pass();
  }

  private Optional<String> problem(Object entry) {
    if (!(entry instanceof String text)) {
      return Optional.of("must be a string holding an absolute https URI");
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      return Optional.of("is not a valid URI (" + e.getReason() + " at index " + e.getIndex() + ")");
    }
    if (!uri.isAbsolute() || !"https".equalsIgnoreCase(uri.getScheme())) {
      return Optional.of("must be an absolute URI with the https scheme");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      return Optional.of("must name a host (https://host/path)");
    }
    if (uri.getRawFragment() != null) {
      return Optional.of("must not contain a fragment (#...) (RFC 6749 §3.1.2)");
    }
    if (!allowLocalhost && isLocal(uri.getHost())) {
      return Optional.of("must not point to localhost or a loopback address; register the TPP's public host");
    }
    return Optional.empty();
  }

  private static boolean isLocal(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    return name.equals("localhost") || name.endsWith(".localhost") // RFC 6761 §6.3
        || name.startsWith("127.") && name.chars().allMatch(c -> c == '.' || Character.isDigit(c))
        || name.equals("[::1]") || name.equals("[0:0:0:0:0:0:0:1]");
  }
}
