package io.dcrgateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.config.ListenerConfig.Transport;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code admin.vertx-http-metrics}: Vert.x's HTTP server and client meters only when asked for. */
class InstrumentedVertxTest {

  @Test
  void byDefaultVertxKeepsNoHttpMeters() throws Exception {
    assertThat(scrapeAfterOneRequest(false)).doesNotContain("vertx_http_");
  }

  @Test
  void whenAskedForVertxCountsEveryRequestOnServerAndClient() throws Exception {
    String scrape = scrapeAfterOneRequest(true);
    assertThat(scrape).contains("vertx_http_server_requests_total").contains("vertx_http_client_requests_total");
  }

  private static String scrapeAfterOneRequest(boolean httpMetrics) throws Exception {
    try (GatewayMetrics metrics = GatewayMetrics.create()) {
      Vertx vertx = InstrumentedVertx.create(metrics, Transport.NIO, httpMetrics);
      try {
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
            .requestHandler(request -> request.response().end("ok"))
            .listen().await(10, TimeUnit.SECONDS);
        HttpClient client = vertx.createHttpClient();
        int status = client.request(HttpMethod.GET, server.actualPort(), "127.0.0.1", "/")
            .compose(request -> request.send())
            .compose(response -> response.body().map(body -> response.statusCode()))
            .await(10, TimeUnit.SECONDS);
        assertThat(status).isEqualTo(200);
        return metrics.registry().scrape();
      } finally {
        vertx.close().await(10, TimeUnit.SECONDS);
      }
    }
  }
}
