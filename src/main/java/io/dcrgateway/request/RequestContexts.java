package io.dcrgateway.request;

import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** Derives the {@link RequestContext} of a request; ids a client sends are kept only if harmless. */
public final class RequestContexts {

  /** Printable token characters only: an id ends up in logs, headers and audit records. */
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:@+=-]{1,128}");

  private final String requestIdHeader;

  public RequestContexts(String requestIdHeader) {
    this.requestIdHeader = requestIdHeader;
  }

  public String requestIdHeader() {
    return requestIdHeader;
  }

  public RequestContext of(HttpServerRequest request) {
    String requestId = safe(request.getHeader(requestIdHeader)).orElseGet(RequestContexts::newRequestId);
    Optional<String> interactionId = safe(request.getHeader("x-fapi-interaction-id"));
    String host = Optional.ofNullable(request.authority())
        .map(a -> a.host() + (a.port() > 0 ? ":" + a.port() : ""))
        .orElse("");
    return new RequestContext(requestId, interactionId, request.remoteAddress().hostAddress(), host);
  }

  /**
   * A random (version 4) UUID from the thread's generator: an id names a request in logs and
   * answers and guards nothing, so it needs no SecureRandom, whose shared lock and entropy read
   * UUID.randomUUID() pays on every request.
   */
  static String newRequestId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }

  private static Optional<String> safe(String value) {
    return Optional.ofNullable(value).filter(v -> SAFE_ID.matcher(v).matches());
  }
}
