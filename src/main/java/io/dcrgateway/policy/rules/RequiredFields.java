package io.dcrgateway.policy.rules;

import io.dcrgateway.error.ErrorCodes;
import io.dcrgateway.policy.RegistrationContext;
import io.dcrgateway.policy.Rule;
import io.dcrgateway.policy.RuleParams;
import io.dcrgateway.policy.RuleResult;
import java.util.List;

/**
 * UK DCR (SPEC UK-16) and similar ecosystem schemas: metadata fields the ecosystem makes
 * mandatory, where RFC 7591 leaves them optional. All missing ones are named at once.
 *
 * <p>Params: {@code fields} (required: metadata field names).
 */
public final class RequiredFields implements Rule {

  public static final String ID = "required-fields";

  private final List<String> fields;

  private RequiredFields(List<String> fields) {
    this.fields = fields;
  }

  public static Rule create(RuleParams params) {
    params.allow("fields");
    List<String> fields = params.strings("fields", List.of());
    if (fields.isEmpty()) {
      params.problem("fields", "is required: the metadata fields every request must carry");
    }
    return new RequiredFields(fields);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public RuleResult evaluate(RegistrationContext context) {
    List<String> missing = fields.stream().filter(field -> context.metadata().getValue(field) == null).toList();
    return missing.isEmpty() ? RuleResult.pass()
        : RuleResult.reject(ErrorCodes.INVALID_CLIENT_METADATA,
            (missing.size() == 1 ? "missing required field " : "missing required fields ")
                + String.join(", ", missing) + " (this server requires: " + String.join(", ", fields) + ")");
  }
}
