package io.dcrgateway.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Every answer and audit record is written by Jackson's data binding through Vert.x's codec:
 * about 300 classes and 150 ms of a cold JVM. Nothing before the listener needs its object mapper
 * (the config, built-in profiles included, is read from parser events into tree nodes), so it is
 * built on a thread of its own once the gateway listens, instead of on the event loop of whichever
 * TPP comes first.
 */
final class JsonWarmUp {

  private JsonWarmUp() {
  }

  static void start() {
    Thread thread = new Thread(JsonWarmUp::encode, "dcr-warm-up-json");
    thread.setDaemon(true);
    thread.start();
  }

  /** The value types an audit record or an RFC 7591 answer holds, nested as they are there. */
  static String encode() {
    return new JsonObject()
        .put("error", "invalid_client_metadata")
        .put("count", 1)
        .put("size", 1L)
        .put("ratio", 0.5)
        .put("forwarded", false)
        .putNull("absent")
        .put("redirect_uris", new JsonArray().add("https://tpp.example/cb"))
        .put("certificate", new JsonObject().put("serial", "01"))
        .encode();
  }
}
