package io.dcrgateway.pipeline;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import java.util.logging.Logger;

/**
 * A request line naming a version other than HTTP/1.0 or 1.1 ({@code HTTP/7.1}, an HTTP/2 preface
 * sent without ALPN) parses fine, and Vert.x would answer it 501 with an empty body before any
 * handler of the gateway runs. Marked here as undecodable, it reaches the invalid-request handler
 * instead, so it is answered like every other unreadable head: a JSON error, audited, counted,
 * the connection closed (issue 7: hostile input never gets a 5xx). Sits in front of Vert.x's
 * handler in the connection's Netty pipeline: Vert.x has no public hook before its own check.
 */
@Sharable
public final class UnsupportedVersionGuard extends ChannelInboundHandlerAdapter {

  private static final Logger LOG = Logger.getLogger(UnsupportedVersionGuard.class.getName());
  private static final UnsupportedVersionGuard INSTANCE = new UnsupportedVersionGuard();
  private static final String NAME = "dcr-gateway-unsupported-version";

  /** What the invalid-request handler sees as the cause. */
  static final class UnsupportedHttpVersion extends RuntimeException {
    UnsupportedHttpVersion(String version) {
      super("HTTP version " + version + " is not served here; use HTTP/1.1", null, false, false);
    }
  }

  private UnsupportedVersionGuard() {
  }

  /** For each new HTTP/1.x connection, before it reads its first request. */
  public static void install(HttpConnection connection) {
    if (!(connection instanceof ConnectionBase base)) {
      LOG.fine(() -> "not an HTTP/1.x connection of this Vert.x: " + connection.getClass());
      return;
    }
    ChannelHandlerContext vertx = base.channelHandlerContext();
    if (vertx.pipeline().get(NAME) == null) {
      vertx.pipeline().addBefore(vertx.name(), NAME, INSTANCE);
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest request && request.decoderResult().isSuccess()
        && !HttpVersion.HTTP_1_1.equals(request.protocolVersion())
        && !HttpVersion.HTTP_1_0.equals(request.protocolVersion())) {
      request.setDecoderResult(DecoderResult.failure(new UnsupportedHttpVersion(request.protocolVersion().text())));
    }
    ctx.fireChannelRead(msg);
  }
}
