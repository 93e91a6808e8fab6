package io.dcrgateway.policy.rules;

import io.dcrgateway.error.ErrorCodes;
import io.dcrgateway.policy.RegistrationContext;
import io.dcrgateway.policy.Rule;
import io.dcrgateway.policy.RuleParams;
import io.dcrgateway.policy.RuleResult;
import java.util.List;

/**
 * OpenID Connect DCR §2 {@code application_type} ({@code web} when absent): a mobile route
 * registers {@code native} apps only, whose redirect and authentication rules (RFC 8252) differ
 * from a web server's.
 *
 * <p>Params: {@code allowed} (default [native]), {@code required} (default true: absent is refused
 * rather than read as web).
 */
public final class ApplicationTypeAllowed implements Rule {

  public static final String ID = "application-type.allowed";

  private final List<String> allowed;
  private final boolean required;

  private ApplicationTypeAllowed(List<String> allowed, boolean required) {
    this.allowed = allowed;
    this.required = required;
  }

  public static Rule create(RuleParams params) {
    params.allow("allowed", "required");
    List<String> allowed = params.strings("allowed", List.of("native"));
    for (String type : allowed) {
      if (!type.equals("native") && !type.equals("web")) {
        params.problem("allowed", "\"" + type + "\" is not an application_type (native or web)");
      }
    }
    return new ApplicationTypeAllowed(allowed, params.bool("required", true));
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public RuleResult evaluate(RegistrationContext context) {
    Object value = context.metadata().getValue("application_type");
    if (value == null) {
      return required ? RuleResult.reject(ErrorCodes.INVALID_CLIENT_METADATA, "application_type is required here;"
          + " use " + String.join(" or ", allowed)) : RuleResult.pass();
    }
    if (!allowed.contains(value)) {
      return RuleResult.reject(ErrorCodes.INVALID_CLIENT_METADATA, "application_type " + Quoted.json(value)
          + " is not accepted here; use " + String.join(" or ", allowed));
    }
    return RuleResult.pass();
  }
}
