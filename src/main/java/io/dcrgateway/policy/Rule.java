package io.dcrgateway.policy;

import java.util.Set;

/**
 * One check of the registration policy, with a stable id (config, audit, metrics and the TPP's
 * error all name it). Rules are pure: no I/O, no clock, no shared state; what they need was
 * verified by earlier stages and is in the context.
 */
public interface Rule {

  String id();

  /** Operations the rule applies to; others pass it untouched. */
  default Set<Operation> operations() {
    return Set.of(Operation.REGISTER, Operation.UPDATE);
  }

  RuleResult evaluate(RegistrationContext context);
}
