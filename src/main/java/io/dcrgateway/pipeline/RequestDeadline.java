package io.dcrgateway.pipeline;

import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * One request's deadline ({@code listener.request-timeout}), from its first stage to the end of
 * its answer. Idle timeouts alone let a peer that sends a byte now and then hold a request
 * forever; this bounds the whole of it. Before forwarding, its expiry is answered by the
 * pipeline; once forwarding began, what remains of it bounds the identity server's exchange.
 */
final class RequestDeadline {

  private static final String KEY = RequestDeadline.class.getName();

  private final long expiresAtNanos;
  private boolean forwarding;
  private boolean expired;

  private RequestDeadline(long expiresAtNanos) {
    this.expiresAtNanos = expiresAtNanos;
  }

  static void start(Vertx vertx, RoutingContext ctx, Duration timeout, Consumer<RoutingContext> onExpiry) {
    RequestDeadline deadline = new RequestDeadline(System.nanoTime() + timeout.toNanos());
    ctx.put(KEY, deadline);
    long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> {
      deadline.expired = true;
      onExpiry.accept(ctx);
    });
    ctx.addEndHandler(done -> vertx.cancelTimer(timer));
  }

  static RequestDeadline of(RoutingContext ctx) {
    return ctx.get(KEY);
  }

  /** @return false when the deadline already passed: the request must not be forwarded */
  boolean beginForwarding() {
    if (expired || remaining().isZero()) {
      return false;
    }
    forwarding = true;
    return true;
  }

  boolean forwarding() {
    return forwarding;
  }

  Duration remaining() {
    long left = expiresAtNanos - System.nanoTime();
    return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
  }
}
