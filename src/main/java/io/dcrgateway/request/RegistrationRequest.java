package io.dcrgateway.request;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.util.Optional;

/**
 * A registration or management request as received: what the later stages inspect and what the
 * forwarder sends on. The body is kept byte-for-byte (RFC 7591 §3.2.1: the software statement
 * must reach the identity server, and come back, unmodified).
 *
 * @param clientId the {@code {client_id}} of an RFC 7592 management call; empty for POST /register
 * @param headers the inbound headers, untouched (the forwarder decides what leaves)
 * @param context who sent it and how to correlate it
 */
public record RegistrationRequest(
    HttpMethod method,
    Optional<String> clientId,
    MultiMap headers,
    Buffer body,
    RequestContext context) {
}
