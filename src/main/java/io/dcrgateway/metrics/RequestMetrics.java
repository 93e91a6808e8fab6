package io.dcrgateway.metrics;

import io.dcrgateway.audit.AuditEvent;
import io.dcrgateway.audit.RequestAudit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Counts and times every request from the facts its audit event already holds, so metrics and
 * audit trail can never disagree about an outcome or a reason.
 *
 * <ul>
 *   <li>{@code dcr_gateway_requests_total{operation, profile, outcome, reason}}: reason is the
 *       stable reason id ({@code none} when forwarded); profile is {@code none} off the
 *       registration endpoint (pass-through, unknown routes);
 *   <li>{@code dcr_gateway_processing_seconds{operation, outcome}}: request start to response end
 *       minus the time spent waiting for the identity server;
 *   <li>{@code dcr_gateway_upstream_seconds{operation}} and
 *       {@code dcr_gateway_upstream_responses_total{status}} for requests the identity server saw.
 * </ul>
 */
public final class RequestMetrics implements Consumer<RequestAudit.Completed> {

  static final String REQUESTS = "dcr_gateway_requests";
  static final String PROCESSING = "dcr_gateway_processing";
  static final String UPSTREAM = "dcr_gateway_upstream";
  static final String UPSTREAM_RESPONSES = "dcr_gateway_upstream_responses";

  // The gateway's own time is mostly a fraction of a millisecond: its histogram starts at 100 us,
  // or every request would land in one "under 1 ms" bucket. The identity server's starts at 1 ms.
  private static final Duration LEAST_PROCESSING = Duration.ofNanos(100_000);
  private static final Duration LEAST_UPSTREAM = Duration.ofMillis(1);
  private static final Duration MOST_EXPECTED = Duration.ofSeconds(30);

  private final MeterRegistry registry;
  private final RequestOperations operations;
  private final String profile;
  private final java.util.Map<String, String> routeProfiles;
  // Meters kept once registered: a builder and registry lookup per request cost more than the
  // increment. Keys are bounded (operations, profiles, outcomes, stable reason ids, statuses).
  private final Map<RequestKey, Counter> requests = new ConcurrentHashMap<>();
  private final Map<ProcessingKey, Timer> processingTimes = new ConcurrentHashMap<>();
  private final Map<String, Timer> upstreamTimes = new ConcurrentHashMap<>();
  private final Map<Integer, Counter> upstreamResponses = new ConcurrentHashMap<>();

  private record RequestKey(String operation, String profile, String outcome, String reason) {
  }

  private record ProcessingKey(String operation, String outcome) {
  }

  RequestMetrics(MeterRegistry registry, RequestOperations operations, String profile) {
    this(registry, operations, profile, java.util.Map.of());
  }

  /** @param routeProfiles the profile of each {@code registration.routes} path */
  RequestMetrics(MeterRegistry registry, RequestOperations operations, String profile,
      java.util.Map<String, String> routeProfiles) {
    this.registry = registry;
    this.operations = operations;
    this.profile = profile;
    this.routeProfiles = java.util.Map.copyOf(routeProfiles);
  }

  @Override
  public void accept(RequestAudit.Completed completed) {
    AuditEvent event = completed.event();
    String operation = operations.of(event.method(), event.path());
    String requestProfile = !RequestOperations.REGISTRATION_OPERATIONS.contains(operation) ? "none"
        : operations.routeOf(event.path()).map(routeProfiles::get).orElse(profile);
    requests.computeIfAbsent(new RequestKey(operation, requestProfile, event.outcome(), event.reason().orElse("none")),
        key -> Counter.builder(REQUESTS)
            .description("requests by operation, profile, outcome and the stable reason id of the decision")
            .tag("operation", key.operation())
            .tag("profile", key.profile())
            .tag("outcome", key.outcome())
            .tag("reason", key.reason())
            .register(registry))
        .increment();

    Duration total = Duration.ofNanos(event.durationMicros() * 1_000);
    Duration upstream = completed.upstreamTime().orElse(Duration.ZERO);
    Duration processing = total.compareTo(upstream) > 0 ? total.minus(upstream) : Duration.ZERO;
    processingTimes.computeIfAbsent(new ProcessingKey(operation, event.outcome()), key -> histogram(
        Timer.builder(PROCESSING)
            .description("time the gateway spent on a request, excluding the identity server's time")
            .tag("operation", key.operation())
            .tag("outcome", key.outcome()), LEAST_PROCESSING))
        .record(processing);
    completed.upstreamTime().ifPresent(time -> upstreamTimes.computeIfAbsent(operation, key -> histogram(
        Timer.builder(UPSTREAM)
            .description("time from sending a request to the identity server until its answer or failure")
            .tag("operation", key), LEAST_UPSTREAM))
        .record(time));
    event.upstreamStatus().ifPresent(status -> upstreamResponses.computeIfAbsent(status,
        key -> Counter.builder(UPSTREAM_RESPONSES)
            .description("identity server answers by HTTP status code")
            .tag("status", Integer.toString(key))
            .register(registry))
        .increment());
  }

  private Timer histogram(Timer.Builder builder, Duration leastExpected) {
    return builder.publishPercentileHistogram()
        .minimumExpectedValue(leastExpected)
        .maximumExpectedValue(MOST_EXPECTED)
        .register(registry);
  }
}
