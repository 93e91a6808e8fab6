package io.dcrgateway.policy;

import io.vertx.core.json.JsonObject;

/** A rule's verdict: pass, reject with an RFC 7591 error, or pass with amended metadata. */
public sealed interface RuleResult {

  RuleResult PASS = new Pass();

  static RuleResult pass() {
    return PASS;
  }

  /** @param error the RFC 7591 §3.2.2 code; @param description what the TPP should change */
  static RuleResult reject(String error, String description) {
    return new Reject(error, description);
  }

  static RuleResult amend(JsonObject metadata) {
    return new Amend(metadata);
  }

  record Pass() implements RuleResult {
  }

  record Reject(String error, String description) implements RuleResult {
  }

  /** The metadata the identity server will receive instead (e.g. SSA values taking precedence). */
  record Amend(JsonObject metadata) implements RuleResult {
  }
}
