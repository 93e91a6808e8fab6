package io.dcrgateway.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.testkit.GatewayFixture;
import io.dcrgateway.testkit.RecordedAudit;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

/** What every refusal of a hostile request must look like: RFC 7591 §3.2.2, unforwarded, audited. */
final class Refusals {

  private Refusals() {
  }

  /**
   * A body over the limit is answered 413 and the connection closed at once (the rest is not worth
   * reading), so a client still sending may see the close before the answer: then the refusal shows
   * in the audit trail, and nothing reached the identity server.
   */
  static void assertClosedWith413(GatewayFixture fixture) throws InterruptedException {
    assertThat(fixture.upstream().received()).as("forwarded to the identity server").isEmpty();
    JsonObject audited = fixture.gateway().audit().awaitMatching(e -> Integer.valueOf(413).equals(e.getInteger("status")));
    assertThat(audited.getString("error")).isEqualTo("request_too_large");
  }

  static void assertRefused(GatewayFixture fixture, HttpResponse<Buffer> response, int status, String error)
      throws InterruptedException {
    assertThat(response.statusCode()).as("status, body %s", response.bodyAsString()).isEqualTo(status);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.getString("error")).isEqualTo(error);
    assertThat(body.getString("error_description")).isNotBlank();
    assertThat(fixture.upstream().received()).as("forwarded to the identity server").isEmpty();
    JsonObject audited = auditOf(fixture.gateway().audit(), response.getHeader("X-Request-Id"));
    assertThat(audited.getString("outcome")).isEqualTo("rejected");
    assertThat(audited.getInteger("status")).isEqualTo(status);
    assertThat(audited.getString("error")).isEqualTo(error);
  }

  /** The audit record of one request, waiting for it (written once the response has ended). */
  static JsonObject auditOf(RecordedAudit audit, String requestId) throws InterruptedException {
    assertThat(requestId).as("X-Request-Id of the answer").isNotBlank();
    for (int n = 0; ; n++) {
      JsonObject event = audit.await(n);
      if (requestId.equals(event.getString("request_id"))) {
        return event;
      }
    }
  }
}
