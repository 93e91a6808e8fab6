/**
 * Hot reload: what triggers it (SIGHUP, a watched file changing), and the one place that loads a
 * new config, checks it like {@code run} does, hands it to the running gateway, and records the
 * outcome in the log, the metrics and the audit trail. A config that fails is refused whole; the
 * running one keeps serving.
 */
package io.dcrgateway.reload;
