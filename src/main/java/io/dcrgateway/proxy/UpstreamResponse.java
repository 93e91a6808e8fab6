package io.dcrgateway.proxy;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/** What the identity server answered, ready to relay. */
public record UpstreamResponse(int status, String statusMessage, MultiMap headers, Buffer body) {
}
