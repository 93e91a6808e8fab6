package io.dcrgateway.policy;

import java.util.List;

/**
 * An ecosystem's policy: rules in order. Built from data ({@code profiles/*.yaml} in the jar,
 * or the config file), never from branches in code.
 *
 * @param reportOnly rejections are logged, audited and counted, and the request still forwarded:
 *     a way to roll out a stricter rule set against live traffic
 */
public record Profile(String name, boolean reportOnly, boolean requireSoftwareStatement, List<Rule> rules) {

  public Profile {
    rules = List.copyOf(rules);
  }
}
