package io.dcrgateway.policy.rules;

import io.dcrgateway.error.ErrorCodes;
import io.dcrgateway.policy.Operation;
import io.dcrgateway.policy.RegistrationContext;
import io.dcrgateway.policy.Rule;
import io.dcrgateway.policy.RuleParams;
import io.dcrgateway.policy.RuleResult;
import java.util.Set;

/**
 * RFC 7592 §2.2 (SPEC RFC-08, BRM-06): an update's body carries {@code client_id}, equal to the
 * client its registration_client_uri addresses; a body naming another client is not applied to
 * this one.
 */
public final class ClientIdMatchesPath implements Rule {

  public static final String ID = "client-id.matches-path";

  public static Rule create(RuleParams params) {
    params.allow();
    return new ClientIdMatchesPath();
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
    Object sent = context.metadata().getValue("client_id");
    String addressed = context.clientId().orElse("");
    if (sent == null) {
      return RuleResult.reject(ErrorCodes.INVALID_CLIENT_METADATA,
          "client_id is required in an update and must be \"" + addressed + "\" (RFC 7592 §2.2)");
    }
    if (addressed.isEmpty() || !addressed.equals(sent)) {
      return RuleResult.reject(ErrorCodes.INVALID_CLIENT_METADATA, "client_id " + Quoted.json(sent)
          + " is not the client this registration_client_uri addresses (\"" + addressed + "\") (RFC 7592 §2.2)");
    }
    return RuleResult.pass();
  }
}
