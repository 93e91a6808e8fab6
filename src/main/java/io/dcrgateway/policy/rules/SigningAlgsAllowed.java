package io.dcrgateway.policy.rules;

import io.dcrgateway.error.ErrorCodes;
import io.dcrgateway.policy.RegistrationContext;
import io.dcrgateway.policy.Rule;
import io.dcrgateway.policy.RuleParams;
import io.dcrgateway.policy.RuleResult;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;

/**
 * OFB security profile 6.2 (SPEC BR-20), FAPI 1 Advanced 8.6, UK DCR (UK-12, UK-16): every JWS the
 * client or server signs for this client uses an allowed algorithm (PS256 by default; never
 * {@code none} or a MAC keyed by a shared secret). {@code token_endpoint_auth_signing_alg} matters
 * only for {@code private_key_jwt}, so it is checked, and required, only with that method.
 *
 * <p>Params: {@code allowed} (default [PS256]), {@code required-fields} (default []; any of the
 * checked fields, e.g. UK-16's id_token_signed_response_alg and request_object_signing_alg).
 */
public final class SigningAlgsAllowed implements Rule {

  public static final String ID = "signing-algs.allowed";

  private static final String CLIENT_ASSERTION_ALG = "token_endpoint_auth_signing_alg";
  static final List<String> FIELDS = List.of(
      "id_token_signed_response_alg",
      "request_object_signing_alg",
      CLIENT_ASSERTION_ALG,
      "userinfo_signed_response_alg",
      "authorization_signed_response_alg");

  private final List<String> allowed;
  private final List<String> requiredFields;

  private SigningAlgsAllowed(List<String> allowed, List<String> requiredFields) {
    this.allowed = allowed;
    this.requiredFields = requiredFields;
  }

  public static Rule create(RuleParams params) {
    params.allow("allowed", "required-fields");
    List<String> allowed = params.strings("allowed", List.of("PS256"));
    if (allowed.isEmpty()) {
      params.problem("allowed", "must list at least one JWS algorithm, e.g. PS256");
    }
    if (allowed.stream().anyMatch(alg -> alg.equalsIgnoreCase("none") || alg.toUpperCase(Locale.ROOT).startsWith("HS"))) {
      params.problem("allowed", "must not contain none or HS* (a MAC keyed by a shared secret)");
    }
    List<String> required = params.strings("required-fields", List.of());
    required.stream().filter(field -> !FIELDS.contains(field)).forEach(field -> params.problem("required-fields",
        "\"" + field + "\" is not a field this rule checks (one of " + String.join(", ", FIELDS) + ")"));
    return new SigningAlgsAllowed(allowed, required);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public RuleResult evaluate(RegistrationContext context) {
    JsonObject metadata = context.metadata();
    boolean privateKeyJwt = "private_key_jwt".equals(metadata.getValue("token_endpoint_auth_method"));
    for (String field : FIELDS) {
      if (field.equals(CLIENT_ASSERTION_ALG) && !privateKeyJwt) {
        continue;
      }
      Object alg = metadata.getValue(field);
      if (alg == null) {
        if (requiredFields.contains(field)) {
          return reject(field + " is required" + (field.equals(CLIENT_ASSERTION_ALG)
              ? " with token_endpoint_auth_method private_key_jwt" : "") + "; use " + choices());
        }
      } else if (!allowed.contains(alg)) {
        return reject(field + " " + Quoted.json(alg) + " is not accepted; use " + choices());
      }
    }
    return RuleResult.pass();
  }

  private String choices() {
    return allowed.size() == 1 ? allowed.get(0) : "one of: " + String.join(", ", allowed);
  }

  private static RuleResult reject(String description) {
    return RuleResult.reject(ErrorCodes.INVALID_CLIENT_METADATA, description);
  }
}
