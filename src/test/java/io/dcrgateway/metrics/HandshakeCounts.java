package io.dcrgateway.metrics;

import io.dcrgateway.testkit.RunningGateway;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The handshake counters of one gateway, as {@code GET /metrics} on its admin listener shows them. */
record HandshakeCounts(PrometheusScrape scrape) {

  private static final Duration DEADLINE = Duration.ofSeconds(20);

  static HandshakeCounts of(RunningGateway gateway) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + gateway.adminPort() + "/metrics")).timeout(DEADLINE).build(),
        HttpResponse.BodyHandlers.ofString());
    return new HandshakeCounts(PrometheusScrape.parse(response.body()));
  }

  /**
   * Waits until the gateway has counted one more handshake than {@code before}: a server learns a
   * handshake failed on its own event loop, possibly after the client gave up.
   */
  static HandshakeCounts afterOneMoreHandshake(RunningGateway gateway, HandshakeCounts before) throws Exception {
    long end = System.nanoTime() + DEADLINE.toNanos();
    HandshakeCounts now = of(gateway);
    while (now.all() <= before.all()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("no handshake counted within " + DEADLINE + ": " + now);
      }
      Thread.sleep(10);
      now = of(gateway);
    }
    return now;
  }

  double handshakes(String result) {
    return scrape.value("dcr_gateway_tls_handshakes_total", Map.of("result", result)).orElse(0.0);
  }

  double failures(String reason) {
    return scrape.value("dcr_gateway_tls_handshake_failures_total", Map.of("reason", reason)).orElse(0.0);
  }

  private double all() {
    return handshakes("ok") + handshakes("failed");
  }

  @Override
  public String toString() {
    return scrape.samples().stream().filter(s -> s.name().startsWith("dcr_gateway_tls_handshake"))
        .map(s -> s.name() + s.labels() + "=" + s.value()).toList().toString();
  }
}
