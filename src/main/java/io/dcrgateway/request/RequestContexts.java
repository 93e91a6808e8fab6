package io.dcrgateway.request;

import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;
import java.util.UUID;
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
    String requestId = safe(request.getHeader(requestIdHeader))
        .orElseGet(() -> UUID.randomUUID().toString());
    Optional<String> interactionId = safe(request.getHeader("x-fapi-interaction-id"));
    String host = Optional.ofNullable(request.authority())
        .map(a -> a.host() + (a.port() > 0 ? ":" + a.port() : ""))
        .orElse("");
    return new RequestContext(requestId, interactionId, request.remoteAddress().hostAddress(), host);
  }

  private static Optional<String> safe(String value) {
    return Optional.ofNullable(value).filter(v -> SAFE_ID.matcher(v).matches());
  }
}
