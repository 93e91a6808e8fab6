package io.dcrgateway.error;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * Writes every error the gateway produces: a JSON body with {@code error} and
 * {@code error_description}, {@code Cache-Control: no-store} and {@code Pragma: no-cache}
 * (RFC 7591 §3.2.2). Nothing else in the code base writes an error body.
 */
public final class ErrorResponder {

  private ErrorResponder() {
  }

  /** @return completes once the answer is written; failed when the connection was cut instead */
  public static Future<Void> write(HttpServerResponse response, GatewayException e) {
    if (response.headWritten()) {
      // Too late for a clean error (upstream bytes already relayed): cut the connection so
      // the client cannot mistake a truncated body for a complete one.
      response.reset();
      return Future.failedFuture("the answer had begun: connection reset");
    }
    e.headers().forEach(response::putHeader);
    String body = new JsonObject()
        .put("error", e.error())
        .put("error_description", e.description())
        .encode();
    return response.setStatusCode(e.status())
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store")
        .putHeader("Pragma", "no-cache")
        .end(body);
  }
}
