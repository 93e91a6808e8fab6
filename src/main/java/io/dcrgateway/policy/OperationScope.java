package io.dcrgateway.policy;

import io.dcrgateway.config.ConfigProblem;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code operations} parameter every rule entry may carry: narrows the operations a rule
 * applies to (e.g. [register]), so a profile can say that an update is checked on fewer points
 * than a registration (OFB BRM-05 lists what an update must pass) without a branch in any rule.
 */
final class OperationScope {

  private OperationScope() {
  }

  static Rule limit(Rule rule, Object operations, String key, List<ConfigProblem> problems) {
    if (operations == null) {
      return rule;
    }
    if (!(operations instanceof List<?> names) || names.isEmpty()) {
      problems.add(new ConfigProblem(key, "must be a non-empty list of register, read, update, delete"));
      return rule;
    }
    Set<Operation> allowed = EnumSet.noneOf(Operation.class);
    for (Object name : names) {
      try {
        allowed.add(Operation.valueOf(String.valueOf(name).toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        problems.add(new ConfigProblem(key, "unknown operation \"" + name + "\" (register, read, update, delete)"));
      }
    }
    Set<Operation> narrowed = EnumSet.noneOf(Operation.class);
    narrowed.addAll(rule.operations());
    narrowed.retainAll(allowed);
    return new Rule() {
      @Override
      public String id() {
        return rule.id();
      }

      @Override
      public Set<Operation> operations() {
        return narrowed;
      }

      @Override
      public RuleResult evaluate(RegistrationContext context) {
        return rule.evaluate(context);
      }
    };
  }
}
