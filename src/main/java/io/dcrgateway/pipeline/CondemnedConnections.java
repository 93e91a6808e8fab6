package io.dcrgateway.pipeline;

import io.vertx.core.http.HttpConnection;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Connections whose framing the gateway no longer trusts (a request with Transfer-Encoding, which
 * may also have carried a Content-Length): they are answered once and closed, and whatever the
 * client pipelined behind that request is dropped unanswered, never treated as a request of its
 * own (RFC 9112 §6.1, request smuggling). Vert.x hands the next pipelined request over as soon as
 * the first answer ends, before that answer's end handlers close the connection, hence this mark.
 * Weak, so a closed connection is forgotten; shared by every event loop and every generation.
 */
final class CondemnedConnections {

  private static final Set<HttpConnection> CONDEMNED = Collections.synchronizedSet(
      Collections.newSetFromMap(new WeakHashMap<>()));

  private CondemnedConnections() {
  }

  static void condemn(HttpConnection connection) {
    CONDEMNED.add(connection);
  }

  static boolean isCondemned(HttpConnection connection) {
    return CONDEMNED.contains(connection);
  }
}
