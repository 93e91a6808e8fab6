package io.dcrgateway.keys;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;
import io.vertx.ext.web.codec.BodyCodec;
import io.vertx.ext.web.codec.spi.BodyStream;

/**
 * Collects a response body up to a byte limit. The web client's default codec buffers whatever the
 * server sends; a JWKS host that is broken (or hostile) could send gigabytes. Failing the write
 * makes the client abandon the response and reset the connection instead of reading on.
 */
final class BoundedBodyCodec implements BodyCodec<Buffer> {

  private final long maxBytes;
  private volatile boolean abandoned;

  BoundedBodyCodec(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** Fails the next chunk: a server dripping bytes past the fetch deadline is cut off. */
  void abandon() {
    abandoned = true;
  }

  @Override
  public BodyStream<Buffer> stream() {
    return new LimitedStream();
  }

  private final class LimitedStream implements BodyStream<Buffer> {

    private final Buffer collected = Buffer.buffer();
    private final Promise<Buffer> result = Promise.promise();

    @Override
    public Future<Buffer> result() {
      return result.future();
    }

    @Override
    public void handle(Throwable failure) {
      result.tryFail(failure);
    }

    @Override
    public Future<Void> write(Buffer data) {
      if (abandoned) {
        return fail(new KeySetFetchException("answer still arriving at the fetch deadline"));
      }
      if (collected.length() + (long) data.length() > maxBytes) {
        return fail(new KeySetFetchException("body larger than " + maxBytes + " bytes"));
      }
      collected.appendBuffer(data);
      return Future.succeededFuture();
    }

    private Future<Void> fail(KeySetFetchException failure) {
      result.tryFail(failure);
      return Future.failedFuture(failure);
    }

    @Override
    public Future<Void> end() {
      result.tryComplete(collected);
      return result.future().mapEmpty();
    }

    @Override
    public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
      return this;
    }

    @Override
    public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
      return this;
    }

    @Override
    public boolean writeQueueFull() {
      return false;
    }

    @Override
    public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
      return this;
    }
  }
}
