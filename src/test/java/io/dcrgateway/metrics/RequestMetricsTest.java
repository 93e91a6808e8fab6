package io.dcrgateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.audit.AuditEvent;
import io.dcrgateway.audit.RequestAudit;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RequestMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final RequestMetrics metrics = new RequestMetrics(registry,
      new RequestOperations("/register", List.of()), "open-finance-brasil");

  @Test
  void gatewayTimeIsTheRequestsTimeMinusTheIdentityServersTime() {
    metrics.accept(completed("POST", "/register", "forwarded", Optional.empty(), Optional.of(201),
        Duration.ofMillis(250), Optional.of(Duration.ofMillis(200))));

    Timer processing = registry.get("dcr_gateway_processing").tags("operation", "register", "outcome", "forwarded").timer();
    Timer upstream = registry.get("dcr_gateway_upstream").tag("operation", "register").timer();
    assertThat(processing.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(50.0);
    assertThat(upstream.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(200.0);
    assertThat(registry.get("dcr_gateway_upstream_responses").tag("status", "201").counter().count()).isEqualTo(1.0);
    assertThat(registry.get("dcr_gateway_requests")
        .tags("operation", "register", "profile", "open-finance-brasil", "outcome", "forwarded", "reason", "none")
        .counter().count()).isEqualTo(1.0);
  }

  @Test
  void theGatewaysOwnTimeIsResolvedBelowAMillisecondInTheScrape() {
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new RequestMetrics(prometheus, new RequestOperations("/register", List.of()), "open-finance-brasil")
        .accept(completed("POST", "/register", "forwarded", Optional.empty(), Optional.of(201),
            Duration.ofNanos(2_300_000), Optional.of(Duration.ofMillis(2))));

    String scrape = prometheus.scrape();
    // 300 us of the gateway's own: counted under 0.5 ms, not only in an "under 1 ms" bucket
    assertThat(lowestBound(scrape, "dcr_gateway_processing_seconds_bucket")).isEqualTo(1.0E-4);
    assertThat(countAtOrBelow(scrape, "dcr_gateway_processing_seconds_bucket", 5.0E-4)).isEqualTo(1.0);
    assertThat(countAtOrBelow(scrape, "dcr_gateway_processing_seconds_bucket", 2.0E-4)).isEqualTo(0.0);
    assertThat(lowestBound(scrape, "dcr_gateway_upstream_seconds_bucket")).isEqualTo(1.0E-3);
  }

  private static double lowestBound(String scrape, String series) {
    return buckets(scrape, series).keySet().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
  }

  /** The cumulative count of the largest bucket bound at or below {@code bound}. */
  private static double countAtOrBelow(String scrape, String series, double bound) {
    return buckets(scrape, series).entrySet().stream().filter(bucket -> bucket.getKey() <= bound)
        .max(Map.Entry.comparingByKey()).map(Map.Entry::getValue).orElse(0.0);
  }

  private static Map<Double, Double> buckets(String scrape, String series) {
    Matcher line = Pattern.compile("^" + series + "\\{[^}]*le=\"([^\"]+)\"[^}]*} ([0-9.E+-]+)$", Pattern.MULTILINE)
        .matcher(scrape);
    Map<Double, Double> buckets = new TreeMap<>();
    while (line.find()) {
      if (!line.group(1).equals("+Inf")) {
        buckets.put(Double.parseDouble(line.group(1)), Double.parseDouble(line.group(2)));
      }
    }
    return buckets;
  }

  @Test
  void aRejectionCountsItsReasonAndNoIdentityServerTime() {
    metrics.accept(completed("GET", "/register/some-client", "rejected", Optional.of("ownership.unknown-client"),
        Optional.empty(), Duration.ofMillis(3), Optional.empty()));

    assertThat(registry.get("dcr_gateway_requests")
        .tags("operation", "read", "profile", "open-finance-brasil", "outcome", "rejected",
            "reason", "ownership.unknown-client")
        .counter().count()).isEqualTo(1.0);
    assertThat(registry.find("dcr_gateway_upstream").timer()).isNull();
    assertThat(registry.find("dcr_gateway_upstream_responses").counter()).isNull();
  }

  @Test
  void requestsOffTheRegistrationEndpointHaveNoProfile() {
    metrics.accept(completed("GET", "/client-chosen/path", "rejected", Optional.of("route.not-found"),
        Optional.empty(), Duration.ofMillis(1), Optional.empty()));

    assertThat(registry.get("dcr_gateway_requests")
        .tags("operation", "other", "profile", "none", "reason", "route.not-found").counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void twoGatewaysInOneJvmKeepTheirOwnCounts() {
    try (GatewayMetrics first = GatewayMetrics.create(); GatewayMetrics second = GatewayMetrics.create()) {
      first.reloaded(false);
      assertThat(first.scrape(MetricsEndpoint.PROMETHEUS_TEXT)).contains("dcr_gateway_reloads_total{result=\"failed\"} 1");
      assertThat(second.scrape(MetricsEndpoint.PROMETHEUS_TEXT)).contains("dcr_gateway_reloads_total{result=\"failed\"} 0");
    }
  }

  private static RequestAudit.Completed completed(String method, String path, String outcome, Optional<String> reason,
      Optional<Integer> upstreamStatus, Duration total, Optional<Duration> upstream) {
    return new RequestAudit.Completed(new AuditEvent(Instant.EPOCH, "req-1", Optional.empty(), "127.0.0.1",
        method, path, Optional.empty(), outcome, upstreamStatus.orElse(400), Optional.empty(), reason,
        upstreamStatus, List.of(), Optional.empty(), total.toNanos() / 1_000), upstream);
  }
}
