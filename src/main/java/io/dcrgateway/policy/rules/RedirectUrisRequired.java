package io.dcrgateway.policy.rules;

import io.dcrgateway.error.ErrorCodes;
import io.dcrgateway.policy.RegistrationContext;
import io.dcrgateway.policy.Rule;
import io.dcrgateway.policy.RuleParams;
import io.dcrgateway.policy.RuleResult;
import io.vertx.core.json.JsonArray;

/**
 * OFB DCR 7.1-6, UK DCR (SPEC BR-11, UK-09): {@code redirect_uris} is required and is a non-empty
 * JSON array of strings. The later redirect rules rely on this shape.
 */
public final class RedirectUrisRequired implements Rule {

  public static final String ID = "redirect-uris.required";

  public static Rule create(RuleParams params) {
    params.allow();
    return new RedirectUrisRequired();
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public RuleResult evaluate(RegistrationContext context) {
    Object value = context.metadata().getValue("redirect_uris");
    if (value == null) {
      return reject("redirect_uris is required: a JSON array of the redirect URIs approved for the software");
    }
    if (!(value instanceof JsonArray uris)) {
      return reject("redirect_uris must be a JSON array of strings, got " + Quoted.json(value));
    }
    if (uris.isEmpty()) {
      return reject("redirect_uris must list at least one redirect URI");
    }
    for (int i = 0; i < uris.size(); i++) {
      if (!(uris.getValue(i) instanceof String)) {
        return reject("redirect_uris[" + i + "] must be a string, got " + Quoted.json(uris.getValue(i)));
      }
    }
    return RuleResult.pass();
  }

  private static RuleResult reject(String description) {
    return RuleResult.reject(ErrorCodes.INVALID_REDIRECT_URI, description);
  }
}
