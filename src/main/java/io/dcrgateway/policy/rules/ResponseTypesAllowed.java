package io.dcrgateway.policy.rules;

import io.dcrgateway.error.ErrorCodes;
import io.dcrgateway.policy.RegistrationContext;
import io.dcrgateway.policy.Rule;
import io.dcrgateway.policy.RuleParams;
import io.dcrgateway.policy.RuleResult;
import io.vertx.core.json.JsonArray;
import java.util.List;
import java.util.Set;

/**
 * FAPI 1 Advanced 5.2.2, UK DCR (SPEC UK-13), OFB (BR-24): only the hybrid or code flows. Each
 * {@code response_types} entry is a set of space-separated values (OAuth 2.0 Multiple Response
 * Types §3), so {@code "id_token code"} is the same as {@code "code id_token"}.
 *
 * <p>Params: {@code allowed} (default ["code", "code id_token"]).
 */
public final class ResponseTypesAllowed implements Rule {

  public static final String ID = "response-types.allowed";

  private final List<String> allowed;
  private final List<Set<String>> allowedSets;

  private ResponseTypesAllowed(List<String> allowed) {
    this.allowed = allowed;
    this.allowedSets = allowed.stream().map(SpaceSeparated::values).toList();
  }

  public static Rule create(RuleParams params) {
    params.allow("allowed");
    List<String> allowed = params.strings("allowed", List.of("code", "code id_token"));
    if (allowed.isEmpty() || allowed.stream().anyMatch(String::isBlank)) {
      params.problem("allowed", "must list at least one response type, each non-empty, e.g. \"code id_token\"");
    }
    return new ResponseTypesAllowed(allowed);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public RuleResult evaluate(RegistrationContext context) {
    Object value = context.metadata().getValue("response_types");
    if (value == null) {
      return RuleResult.pass();
    }
    if (!(value instanceof JsonArray types)) {
      return reject("response_types must be a JSON array of strings, got " + Quoted.json(value));
    }
    for (Object type : types) {
      if (!(type instanceof String text) || !allowedSets.contains(SpaceSeparated.values(text))) {
        return reject("response_types entry " + Quoted.json(type) + " is not accepted; use only: \""
            + String.join("\", \"", allowed) + "\"");
      }
    }
    return RuleResult.pass();
  }

  private static RuleResult reject(String description) {
    return RuleResult.reject(ErrorCodes.INVALID_CLIENT_METADATA, description);
  }
}
