package io.dcrgateway.policy;

/** Builds a rule from its config entry; reports parameter problems through {@link RuleParams}. */
@FunctionalInterface
public interface RuleFactory {

  Rule create(RuleParams params);
}
