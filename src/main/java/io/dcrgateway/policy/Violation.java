package io.dcrgateway.policy;

/** A rule that failed: which one, the RFC 7591 error code, and what the TPP should change. */
public record Violation(String ruleId, String error, String description) {
}
