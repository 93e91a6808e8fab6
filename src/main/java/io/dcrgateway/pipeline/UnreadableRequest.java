package io.dcrgateway.pipeline;

import io.dcrgateway.audit.RequestAudit;
import io.dcrgateway.config.ListenerConfig;
import io.dcrgateway.error.ErrorCodes;
import io.dcrgateway.error.ErrorResponder;
import io.dcrgateway.error.GatewayException;
import io.dcrgateway.request.RequestContext;
import io.dcrgateway.request.RequestContexts;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A request whose head Vert.x could not read: a malformed request line or header, a request line
 * over {@code listener.max-initial-line-length}, headers over {@code listener.max-header-size}.
 * No stage runs (there is no request to route), yet it is answered like every other refusal: an
 * RFC 7591 §3.2.2 JSON error, one audit record, counted in metrics. The connection is closed
 * after the answer, since the decoder dropped the rest of what the client sent and its framing
 * cannot be trusted (RFC 9112 §2.2).
 */
final class UnreadableRequest {

  private static final Logger LOG = Logger.getLogger(UnreadableRequest.class.getName());
  /**
   * Netty's stand-in for a request whose request line could not be read
   * ({@code HttpRequestDecoder.createInvalidMessage}): its method and path are not the client's.
   */
  private static final String PLACEHOLDER_URI = "/bad-request";
  /** Audited as method and path when the request line was not read. */
  static final String UNREAD = "-";

  private final ListenerConfig.Limits limits;
  private final RequestContexts contexts;
  private final RequestAudit audit;

  UnreadableRequest(ListenerConfig.Limits limits, RequestContexts contexts, RequestAudit audit) {
    this.limits = limits;
    this.contexts = contexts;
    this.audit = audit;
  }

  /** For {@code HttpServer.invalidRequestHandler}. */
  void answer(HttpServerRequest request) {
    try {
      RequestContext context = contexts.of(request);
      GatewayException refusal = refusal(request.decoderResult().cause());
      boolean lineRead = !(request.version() == HttpVersion.HTTP_1_0 && PLACEHOLDER_URI.equals(request.uri()));
      RequestAudit.Unread record = audit.unread(request, context,
          lineRead ? request.method().name() : UNREAD,
          lineRead && request.path() != null ? request.path() : UNREAD, refusal);
      request.response().putHeader(contexts.requestIdHeader(), context.requestId());
      request.response().putHeader(HttpHeaders.CONNECTION, "close");
      Future<Void> answered = ErrorResponder.write(request.response(), refusal);
      answered.onComplete(done -> {
        record.answered(done.succeeded());
        request.connection().close();
      });
    } catch (RuntimeException e) {
      // Never leave a hostile connection open: Vert.x's own answer (empty body) and a close.
      LOG.log(Level.WARNING, "answering an unreadable request", e);
      if (!request.response().headWritten()) {
        HttpServerRequest.DEFAULT_INVALID_REQUEST_HANDLER.handle(request);
      } else {
        request.connection().close();
      }
    }
  }

  /** The status Vert.x itself would give (see {@code HttpServerRequest.DEFAULT_INVALID_REQUEST_HANDLER}). */
  GatewayException refusal(Throwable cause) {
    if (cause instanceof TooLongHttpLineException) {
      // RFC 9112 §3: a request-target longer than the server will parse is answered 414.
      return new GatewayException(414, ErrorCodes.INVALID_REQUEST, "request.line-too-long",
          "the request line exceeds " + limits.maxInitialLineLength() + " bytes");
    }
    if (cause instanceof TooLongHttpHeaderException) {
      // RFC 6585 §5: 431 for a header section larger than the server accepts.
      return new GatewayException(431, ErrorCodes.INVALID_REQUEST, "request.headers-too-large",
          "the request headers exceed " + limits.maxHeaderBytes() + " bytes");
    }
    if (cause instanceof UnsupportedVersionGuard.UnsupportedHttpVersion) {
      return new GatewayException(400, ErrorCodes.INVALID_REQUEST, "request.http-version-unsupported",
          "only HTTP/1.1 (and HTTP/1.0) requests are served on this listener");
    }
    // The decoder's message quotes the client's bytes: it goes nowhere near the answer.
    return new GatewayException(400, ErrorCodes.INVALID_REQUEST, "request.head-malformed",
        "the request line or headers are not valid HTTP/1.1 (RFC 9112)");
  }
}
