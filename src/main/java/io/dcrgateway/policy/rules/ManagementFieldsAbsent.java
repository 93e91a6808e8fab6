package io.dcrgateway.policy.rules;

import io.dcrgateway.error.ErrorCodes;
import io.dcrgateway.policy.Operation;
import io.dcrgateway.policy.RegistrationContext;
import io.dcrgateway.policy.Rule;
import io.dcrgateway.policy.RuleParams;
import io.dcrgateway.policy.RuleResult;
import java.util.List;
import java.util.Set;

/**
 * RFC 7592 §2.2 (SPEC RFC-08): an update MUST NOT carry the fields the server issues; a client
 * must not be able to set its own access token, management URI or issue/expiry times.
 */
public final class ManagementFieldsAbsent implements Rule {

  public static final String ID = "management-fields.absent";

  private static final List<String> SERVER_ISSUED = List.of(
      "registration_access_token", "registration_client_uri", "client_secret_expires_at", "client_id_issued_at");

  public static Rule create(RuleParams params) {
    params.allow();
    return new ManagementFieldsAbsent();
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Set<Operation> operations() {
    return Set.of(Operation.UPDATE);
  }

  @Override
  public RuleResult evaluate(RegistrationContext context) {
    List<String> present = SERVER_ISSUED.stream().filter(context.metadata()::containsKey).toList();
    return present.isEmpty() ? RuleResult.pass()
        : RuleResult.reject(ErrorCodes.INVALID_CLIENT_METADATA, "remove " + String.join(", ", present)
            + " from the update: the server issues " + (present.size() == 1 ? "it" : "them") + " (RFC 7592 §2.2)");
  }
}
