package io.dcrgateway.policy;

import io.dcrgateway.error.ErrorCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a profile's rules in order. Amendments feed the next rule, so a rule checking
 * {@code jwks_uri} sees the value an earlier rule took from the statement. The first violation
 * decides, unless the profile is report-only.
 */
public final class ProfileEvaluator {

  private static final Logger LOG = Logger.getLogger(ProfileEvaluator.class.getName());

  private ProfileEvaluator() {
  }

  public static PolicyDecision evaluate(Profile profile, RegistrationContext context) {
    RegistrationContext current = context;
    boolean amended = false;
    List<Violation> reported = new ArrayList<>();
    for (Rule rule : profile.rules()) {
      if (!rule.operations().contains(current.operation())) {
        continue;
      }
      RuleResult result = evaluate(rule, current);
      if (result instanceof RuleResult.Reject reject) {
        Violation violation = new Violation(rule.id(), reject.error(), reject.description());
        if (!profile.reportOnly()) {
          return new PolicyDecision(Optional.of(violation), current.metadata(), amended, reported);
        }
        reported.add(violation);
      } else if (result instanceof RuleResult.Amend amend) {
        current = current.withMetadata(amend.metadata());
        amended = true;
      }
    }
    return new PolicyDecision(Optional.empty(), current.metadata(), amended, reported);
  }

  /**
   * Fail closed: a rule that cannot make sense of hostile input (a certificate with two UIDs, a
   * claim of an unexpected type) refuses the request instead of turning it into a 500.
   */
  private static RuleResult evaluate(Rule rule, RegistrationContext context) {
    try {
      return rule.evaluate(context);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "rule " + rule.id() + " could not evaluate a request: " + e);
      return RuleResult.reject(ErrorCodes.INVALID_CLIENT_METADATA,
          "the request could not be checked against rule " + rule.id() + ": " + e.getMessage());
    }
  }
}
