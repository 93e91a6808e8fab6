package io.dcrgateway.policy.rules;

import io.dcrgateway.error.ErrorCodes;
import io.dcrgateway.policy.RegistrationContext;
import io.dcrgateway.policy.Rule;
import io.dcrgateway.policy.RuleParams;
import io.dcrgateway.policy.RuleResult;
import java.util.List;

/**
 * OFB DCR 7.1-7 (SPEC BR-12), UK DCR (UK-10): the client authenticates at the token endpoint
 * with a FAPI method. Absence is refused by default because RFC 7591 §2 then means
 * {@code client_secret_basic}, a shared secret FAPI does not allow.
 *
 * <p>Params: {@code allowed} (default private_key_jwt, tls_client_auth,
 * self_signed_tls_client_auth), {@code required} (default true).
 */
public final class TokenEndpointAuthMethodAllowed implements Rule {

  public static final String ID = "token-endpoint-auth-method.allowed";

  static final List<String> FAPI_METHODS =
      List.of("private_key_jwt", "tls_client_auth", "self_signed_tls_client_auth");

  private final List<String> allowed;
  private final boolean required;

  private TokenEndpointAuthMethodAllowed(List<String> allowed, boolean required) {
    this.allowed = allowed;
    this.required = required;
  }

  public static Rule create(RuleParams params) {
    params.allow("allowed", "required");
    List<String> allowed = params.strings("allowed", FAPI_METHODS);
    if (allowed.isEmpty()) {
      params.problem("allowed", "must list at least one method");
    }
    return new TokenEndpointAuthMethodAllowed(allowed, params.bool("required", true));
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public RuleResult evaluate(RegistrationContext context) {
    Object method = context.metadata().getValue("token_endpoint_auth_method");
    if (method == null) {
      return required
          ? reject("token_endpoint_auth_method is required (the RFC 7591 default client_secret_basic is not"
              + " accepted); use one of: " + String.join(", ", allowed))
          : RuleResult.pass();
    }
    if (!allowed.contains(method)) {
      return reject("token_endpoint_auth_method " + Quoted.json(method) + " is not accepted; use one of: "
          + String.join(", ", allowed));
    }
    return RuleResult.pass();
  }

  private static RuleResult reject(String description) {
    return RuleResult.reject(ErrorCodes.INVALID_CLIENT_METADATA, description);
  }
}
