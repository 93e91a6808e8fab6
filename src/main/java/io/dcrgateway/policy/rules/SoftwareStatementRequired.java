package io.dcrgateway.policy.rules;

import io.dcrgateway.error.ErrorCodes;
import io.dcrgateway.policy.RegistrationContext;
import io.dcrgateway.policy.Rule;
import io.dcrgateway.policy.RuleParams;
import io.dcrgateway.policy.RuleResult;

/**
 * OFB DCR 7.1-2 and 9.3.1-3 (SPEC BR-06, BRM-04), UK DCR (UK-08): a registration or update
 * carries the directory's software statement; without it nothing ties the client to an approved
 * software. Its signature and freshness are checked before the rules run.
 */
public final class SoftwareStatementRequired implements Rule {

  public static final String ID = "software-statement.required";

  public static Rule create(RuleParams params) {
    params.allow();
    return new SoftwareStatementRequired();
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public RuleResult evaluate(RegistrationContext context) {
    Object value = context.metadata().getValue("software_statement");
    if (value == null) {
      return RuleResult.reject(ErrorCodes.INVALID_SOFTWARE_STATEMENT,
          "software_statement is required: send the software statement issued by the directory");
    }
    if (!(value instanceof String text) || text.isBlank()) {
      return RuleResult.reject(ErrorCodes.INVALID_SOFTWARE_STATEMENT,
          "software_statement must be the directory's signed JWT as a string");
    }
    return RuleResult.pass();
  }
}
