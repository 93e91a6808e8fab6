package io.dcrgateway.policy.rules;

import io.dcrgateway.error.ErrorCodes;
import io.dcrgateway.policy.RegistrationContext;
import io.dcrgateway.policy.Rule;
import io.dcrgateway.policy.RuleParams;
import io.dcrgateway.policy.RuleResult;

/**
 * RFC 7591 §2 (SPEC RFC-03): {@code jwks} and {@code jwks_uri} MUST NOT both be present; with
 * both, the identity server could verify against keys the directory never saw.
 */
public final class JwksNotBoth implements Rule {

  public static final String ID = "jwks.not-both";

  public static Rule create(RuleParams params) {
    params.allow();
    return new JwksNotBoth();
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public RuleResult evaluate(RegistrationContext context) {
    return context.metadata().containsKey("jwks") && context.metadata().containsKey("jwks_uri")
        ? RuleResult.reject(ErrorCodes.INVALID_CLIENT_METADATA,
            "jwks and jwks_uri must not both be present (RFC 7591 §2); send only jwks_uri")
        : RuleResult.pass();
  }
}
