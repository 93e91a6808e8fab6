package io.dcrgateway.policy.rules;

import io.dcrgateway.error.ErrorCodes;
import io.dcrgateway.policy.RegistrationContext;
import io.dcrgateway.policy.Rule;
import io.dcrgateway.policy.RuleParams;
import io.dcrgateway.policy.RuleResult;
import io.vertx.core.json.JsonArray;
import java.util.List;

/**
 * UK DCR (SPEC UK-13), OFB (BR-24): every {@code grant_types} value is one the ecosystem allows.
 * A set, so order is irrelevant (the OFB conformance suite sends them in varying order).
 *
 * <p>Params: {@code allowed} (default authorization_code, refresh_token, client_credentials,
 * implicit).
 */
public final class GrantTypesAllowed implements Rule {

  public static final String ID = "grant-types.allowed";

  private final List<String> allowed;

  private GrantTypesAllowed(List<String> allowed) {
    this.allowed = allowed;
  }

  public static Rule create(RuleParams params) {
    params.allow("allowed");
    List<String> allowed = params.strings("allowed",
        List.of("authorization_code", "refresh_token", "client_credentials", "implicit"));
    if (allowed.isEmpty()) {
      params.problem("allowed", "must list at least one grant type");
    }
    return new GrantTypesAllowed(allowed);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public RuleResult evaluate(RegistrationContext context) {
    Object value = context.metadata().getValue("grant_types");
    if (value == null) {
      return RuleResult.pass();
    }
    if (!(value instanceof JsonArray grants)) {
      return reject("grant_types must be a JSON array of strings, got " + Quoted.json(value));
    }
    for (Object grant : grants) {
      if (!allowed.contains(grant)) {
        return reject("grant_types value " + Quoted.json(grant) + " is not accepted; use only: "
            + String.join(", ", allowed));
      }
    }
    return RuleResult.pass();
  }

  private static RuleResult reject(String description) {
    return RuleResult.reject(ErrorCodes.INVALID_CLIENT_METADATA, description);
  }
}
