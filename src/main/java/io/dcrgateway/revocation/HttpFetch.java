package io.dcrgateway.revocation;

import io.dcrgateway.fetch.FetchGuard;
import io.dcrgateway.fetch.FetchTarget;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One bounded HTTP exchange with an OCSP responder or a CRL location, on the event loop without
 * blocking it. Bounded in time (one deadline for connect, send and the whole body) and in size:
 * a slow or hostile responder must not hold a TLS client's first request, or the gateway's memory.
 */
final class HttpFetch {

  private final Vertx vertx;
  private final HttpClientAgent client;

  HttpFetch(Vertx vertx) {
    this.vertx = vertx;
    // Responders and CRL hosts are asked rarely (answers are cached): no pooled connections to keep.
    this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
  }

  /**
   * @param guard vets the URL first (a certificate's AIA and CDP URLs are the TPP's CA's word,
   *     not the operator's) and gives the address to connect to
   * @param body empty for a GET
   */
  Future<Buffer> fetch(FetchGuard guard, HttpMethod method, URI url, Buffer body, String contentType, Duration timeout,
      long maxBytes) {
    return guard.vet(url)
        .recover(e -> Future.failedFuture(new RevocationFetchException(e.getMessage())))
        .compose(target -> fetch(target, method, body, contentType, timeout, maxBytes));
  }

  private Future<Buffer> fetch(FetchTarget target, HttpMethod method, Buffer body, String contentType,
      Duration timeout, long maxBytes) {
    URI url = target.url();
    long millis = Math.max(1, timeout.toMillis());
    Promise<Buffer> result = Promise.promise();
    AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
    long deadline = vertx.setTimer(millis, id -> {
      if (result.tryFail(new RevocationFetchException("no complete answer from " + url + " within " + millis + " ms"))) {
        HttpClientRequest request = sent.get();
        if (request != null) {
          request.reset();
        }
      }
    });
    RequestOptions options = new RequestOptions().setMethod(method).setAbsoluteURI(url.toString())
        .setConnectTimeout(millis).setIdleTimeout(millis);
    target.pinned().ifPresent(options::setServer);
    client.request(options).onComplete(opened -> {
      if (opened.failed()) {
        result.tryFail(new RevocationFetchException(url + " unreachable: " + opened.cause().getMessage()));
        return;
      }
      HttpClientRequest request = opened.result();
      sent.set(request);
      // Listened to before anything is sent: the answer's future completes on the request's own
      // context, where its body then flows. A listener chained through another future could run a
      // turn later, after the body and its end had gone by (seen: a responder's answer lost, and
      // the fetch timing out).
      request.response().onComplete(answered -> collect(url, answered, result, maxBytes));
      if (contentType != null) {
        request.putHeader("Content-Type", contentType);
      }
      (body.length() == 0 ? request.end() : request.end(body)).onFailure(e -> result.tryFail(new RevocationFetchException(url + " unreachable: "
          + e.getMessage())));
    });
    return result.future().andThen(v -> vertx.cancelTimer(deadline));
  }

  private static void collect(URI url, AsyncResult<HttpClientResponse> answered, Promise<Buffer> result,
      long maxBytes) {
    if (answered.failed()) {
      result.tryFail(new RevocationFetchException(url + " unreachable: " + answered.cause().getMessage()));
      return;
    }
    HttpClientResponse response = answered.result();
    if (response.statusCode() != 200) {
      result.tryFail(new RevocationFetchException(url + " answered HTTP " + response.statusCode()));
      response.request().reset();
      return;
    }
    Buffer collected = Buffer.buffer();
    response.handler(chunk -> {
      if (collected.length() + (long) chunk.length() > maxBytes) {
        if (result.tryFail(new RevocationFetchException(url + " answered more than " + maxBytes + " bytes"))) {
          response.request().reset();
        }
        return;
      }
      collected.appendBuffer(chunk);
    });
    response.exceptionHandler(e -> result.tryFail(new RevocationFetchException(url + ": " + e.getMessage())));
    response.endHandler(v -> result.tryComplete(collected));
  }

  Future<Void> close() {
    return client.close();
  }
}
