package io.dcrgateway.policy.rules;

import io.dcrgateway.error.ErrorCodes;
import io.dcrgateway.policy.RegistrationContext;
import io.dcrgateway.policy.Rule;
import io.dcrgateway.policy.RuleParams;
import io.dcrgateway.policy.RuleResult;
import java.util.Optional;

/**
 * UK DCR (SPEC UK-14), RFC 7591 §3.1.1: a {@code software_id} sent as metadata is the one the
 * directory signed; otherwise a TPP could register a client under another software's name.
 */
public final class SoftwareIdMatchesStatement implements Rule {

  public static final String ID = "software-id.matches-statement";

  public static Rule create(RuleParams params) {
    params.allow();
    return new SoftwareIdMatchesStatement();
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public RuleResult evaluate(RegistrationContext context) {
    Object sent = context.metadata().getValue("software_id");
    if (sent == null || context.statement().isEmpty()) {
      return RuleResult.pass();
    }
    String claim = context.statement().get().names().softwareId();
    Optional<String> signed = context.statement().get().softwareId();
    if (signed.isEmpty() || !signed.get().equals(sent)) {
      return RuleResult.reject(ErrorCodes.INVALID_CLIENT_METADATA, "software_id " + Quoted.json(sent)
          + " is not the software statement's " + claim
          + signed.map(id -> " \"" + id + "\"; send that value or omit software_id").orElse(" (it has none); omit software_id"));
    }
    return RuleResult.pass();
  }
}
