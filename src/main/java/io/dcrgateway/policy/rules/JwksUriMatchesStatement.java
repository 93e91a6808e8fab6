package io.dcrgateway.policy.rules;

import io.dcrgateway.error.ErrorCodes;
import io.dcrgateway.policy.RegistrationContext;
import io.dcrgateway.policy.Rule;
import io.dcrgateway.policy.RuleParams;
import io.dcrgateway.policy.RuleResult;
import io.dcrgateway.statement.SoftwareStatement;
import java.util.Optional;

/**
 * OFB DCR 7.1-5 and 7.1.1-2 (SPEC BR-10): the client's keys are the ones the directory holds for
 * the software, so a sent {@code jwks_uri} must be the statement's exactly (no normalisation: a
 * trailing slash or another host is another key set). When absent it is taken from the statement.
 *
 * <p>Params: {@code default-from-statement} (default true).
 */
public final class JwksUriMatchesStatement implements Rule {

  public static final String ID = "jwks-uri.matches-software-statement";

  private final boolean defaultFromStatement;

  private JwksUriMatchesStatement(boolean defaultFromStatement) {
    this.defaultFromStatement = defaultFromStatement;
  }

  public static Rule create(RuleParams params) {
    params.allow("default-from-statement");
    return new JwksUriMatchesStatement(params.bool("default-from-statement", true));
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public RuleResult evaluate(RegistrationContext context) {
    if (context.statement().isEmpty()) {
      return RuleResult.pass(); // no statement to compare with: software-statement.required's job
    }
    SoftwareStatement statement = context.statement().get();
    String claim = statement.names().jwksUri();
    Optional<String> approved = statement.string(claim);
    Object sent = context.metadata().getValue("jwks_uri");
    if (sent == null) {
      // RFC 7591 §2: never add jwks_uri next to a jwks sent by value; jwks.not-by-value refuses that.
      if (!defaultFromStatement || approved.isEmpty() || context.metadata().containsKey("jwks")) {
        return RuleResult.pass();
      }
      return RuleResult.amend(context.metadata().copy().put("jwks_uri", approved.get()));
    }
    if (approved.isEmpty()) {
      return RuleResult.reject(ErrorCodes.INVALID_CLIENT_METADATA, "jwks_uri cannot be accepted: the software"
          + " statement has no " + claim + " to compare it with; have the directory set it, or omit jwks_uri");
    }
    if (!approved.get().equals(sent)) {
      return RuleResult.reject(ErrorCodes.INVALID_CLIENT_METADATA, "jwks_uri must be exactly the software"
          + " statement's " + claim + " \"" + approved.get() + "\" (or be omitted), got " + Quoted.json(sent));
    }
    return RuleResult.pass();
  }
}
