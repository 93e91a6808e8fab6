package io.dcrgateway.bench;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

/** One request as the load generator sends it; bodies are built before the measured window. */
record BenchRequest(HttpMethod method, String uri, String contentType, String authorization, Buffer body) {

  static BenchRequest registration(String json) {
    return new BenchRequest(HttpMethod.POST, "/register", "application/json", null, Buffer.buffer(json));
  }

  static BenchRequest read(String clientId, String registrationAccessToken) {
    return new BenchRequest(HttpMethod.GET, "/register/" + clientId, null, "Bearer " + registrationAccessToken,
        Buffer.buffer());
  }
}
