package io.dcrgateway.policy.rules;

import io.dcrgateway.error.ErrorCodes;
import io.dcrgateway.policy.RegistrationContext;
import io.dcrgateway.policy.Rule;
import io.dcrgateway.policy.RuleParams;
import io.dcrgateway.policy.RuleResult;
import io.vertx.core.json.JsonArray;
import java.util.List;

/**
 * OFB DCR 7.1-6, UK DCR (SPEC BR-11, UK-09): every registered redirect URI is one the directory
 * approved for the software, compared as exact strings, query included (the conformance suite
 * registers {@code ...?dummy1=lorem&dummy2=ipsum}). No prefix or pattern matching: that is how
 * open redirectors get registered.
 */
public final class RedirectUrisInStatement implements Rule {

  public static final String ID = "redirect-uris.in-software-statement";

  public static Rule create(RuleParams params) {
    params.allow();
    return new RedirectUrisInStatement();
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public RuleResult evaluate(RegistrationContext context) {
    if (context.statement().isEmpty() || !(context.metadata().getValue("redirect_uris") instanceof JsonArray uris)) {
      return RuleResult.pass(); // presence and shape are redirect-uris.required's job
    }
    String claim = context.statement().get().names().redirectUris();
    List<String> approved = context.statement().get().strings(claim).orElse(List.of());
    for (Object uri : uris) {
      if (!approved.contains(uri)) {
        return RuleResult.reject(ErrorCodes.INVALID_REDIRECT_URI, "redirect_uris entry \"" + uri
            + "\" is not in the software statement's " + claim + " (exact match, query included)");
      }
    }
    return RuleResult.pass();
  }
}
