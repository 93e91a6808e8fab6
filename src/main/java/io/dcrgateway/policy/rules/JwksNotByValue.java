package io.dcrgateway.policy.rules;

import io.dcrgateway.error.ErrorCodes;
import io.dcrgateway.policy.RegistrationContext;
import io.dcrgateway.policy.Rule;
import io.dcrgateway.policy.RuleParams;
import io.dcrgateway.policy.RuleResult;

/**
 * OFB DCR 7.1-4 (SPEC BR-09): keys are only referenced through {@code jwks_uri}, so the
 * directory can rotate and revoke them; a key set sent by value is refused.
 */
public final class JwksNotByValue implements Rule {

  public static final String ID = "jwks.not-by-value";

  public static Rule create(RuleParams params) {
    params.allow();
    return new JwksNotByValue();
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public RuleResult evaluate(RegistrationContext context) {
    return context.metadata().containsKey("jwks")
        ? RuleResult.reject(ErrorCodes.INVALID_CLIENT_METADATA,
            "jwks (keys by value) is not accepted; publish the keys and register jwks_uri instead")
        : RuleResult.pass();
  }
}
