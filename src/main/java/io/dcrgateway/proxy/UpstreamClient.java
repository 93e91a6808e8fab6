package io.dcrgateway.proxy;

import io.dcrgateway.config.UpstreamConfig;
import io.dcrgateway.error.ErrorCodes;
import io.dcrgateway.error.GatewayException;
import io.dcrgateway.request.RegistrationRequest;
import io.dcrgateway.tls.VerifiedClient;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The forward stage: sends a checked request to the identity server's registration endpoint and
 * returns its answer. Failures become 502 (unreachable, reset, garbage) or 504 (no answer in
 * time), never a hang. Requests are sent once: a POST registration is never retried, so a slow
 * IS cannot end up with two clients for one request.
 *
 * <p>Two clocks bound an exchange: {@code response-timeout} is the longest silence (connect, then
 * between bytes), and the request's remaining {@code budget} is the whole exchange. Without the
 * second, an identity server answering one byte every few seconds would hold the TPP's request,
 * and a pooled connection, for as long as it liked.
 */
public final class UpstreamClient {

  /** Far above any registration or token answer: a body past it is garbage, not an answer to relay. */
  static final long MAX_ANSWER_BYTES = 1024 * 1024;

  private final Vertx vertx;
  /** Off an event loop (not a path requests take today): one pool of its own. */
  private final HttpClientAgent shared;
  private final Map<Thread, HttpClientAgent> byEventLoop = new ConcurrentHashMap<>();
  private final HttpClientOptions httpOptions;
  private final PoolOptions poolPerEventLoop;
  private final UpstreamConfig config;
  private final UpstreamHeaders headers;
  /**
   * The base URL as Vert.x reads it (host, port, TLS, and its path without trailing slashes),
   * parsed once: an absolute URI per request was a java.net.URL parse per forwarded request.
   */
  private final RequestOptions base;
  private final String basePath;

  public UpstreamClient(Vertx vertx, UpstreamConfig config, UpstreamHeaders headers) {
    this(vertx, config, headers, 1);
  }

  /**
   * @param eventLoops how many event loops serve the listener: each gets its own pool, a share of
   *     {@code upstream.pool-size}. Vert.x's pool hands the most recently used connection to
   *     whichever loop asks, and a connection belongs to the loop that opened it, so with one
   *     shared pool a forwarded request and its answer crossed between loops (two task hand-overs
   *     and wake-ups per request); per loop, a request stays on its loop from TPP to identity server.
   */
  public UpstreamClient(Vertx vertx, UpstreamConfig config, UpstreamHeaders headers, int eventLoops) {
    this.vertx = vertx;
    this.config = config;
    this.headers = headers;
    this.base = new RequestOptions().setAbsoluteURI(config.baseUrl().toString());
    this.basePath = base.getURI().replaceAll("/+$", "");
    this.httpOptions = clientOptions(config);
    this.poolPerEventLoop = new PoolOptions().setHttp1MaxSize(
        Math.max(1, (config.poolSize() + eventLoops - 1) / Math.max(1, eventLoops)));
    this.shared = vertx.createHttpClient(httpOptions, poolPerEventLoop);
  }

  private HttpClientAgent client() {
    Context context = Vertx.currentContext();
    if (context == null || !context.isEventLoopContext() || !Context.isOnEventLoopThread()) {
      return shared;
    }
    return byEventLoop.computeIfAbsent(Thread.currentThread(),
        loop -> vertx.createHttpClient(httpOptions, poolPerEventLoop));
  }

  /**
   * @param body what to send: the request's own bytes, or the metadata as the profile amended it
   * @param contentType replaces the request's Content-Type when the body changed form
   * @param budget the whole exchange must end within this (what is left of the request's deadline)
   * @param verified empty on a route without client certificates
   */
  public Future<UpstreamResponse> forward(RegistrationRequest request, Optional<VerifiedClient> verified, Buffer body,
      Optional<String> contentType, Duration budget) {
    return send(request, verified, body, contentType, registrationPath(request),
        config.identityServer().clientAddressOnRegistration(), budget);
  }

  /** A pass-through route: the request as received, to {@code upstreamPath} (query kept). */
  public Future<UpstreamResponse> passThrough(RegistrationRequest request, VerifiedClient verified,
      String upstreamPath, Optional<String> query, Duration budget) {
    return send(request, Optional.of(verified), request.body(), Optional.empty(),
        upstreamPath + query.map(q -> "?" + q).orElse(""), true, budget);
  }

  private Future<UpstreamResponse> send(RegistrationRequest request, Optional<VerifiedClient> verified, Buffer body,
      Optional<String> contentType, String pathAndQuery, boolean withClientAddress, Duration budget) {
    MultiMap outbound = headers.forRequest(request, verified, withClientAddress);
    contentType.ifPresent(type -> outbound.set("Content-Type", type));
    Promise<UpstreamResponse> result = Promise.promise();
    AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
    long deadline = vertx.setTimer(Math.max(1, budget.toMillis()), id -> {
      if (result.tryFail(deadlinePassed())) {
        abandon(sent.get());
      }
    });
    RequestOptions options = new RequestOptions()
        .setMethod(request.method())
        .setHost(base.getHost())
        .setPort(base.getPort())
        .setSsl(base.isSsl())
        .setURI(basePath + pathAndQuery)
        .setFollowRedirects(false)
        .setConnectTimeout(config.connectTimeout().toMillis())
        .setIdleTimeout(config.responseTimeout().toMillis());
    client().request(options).onComplete(opened -> {
      if (opened.failed()) {
        result.tryFail(translate(opened.cause()));
        return;
      }
      HttpClientRequest outgoing = opened.result();
      sent.set(outgoing);
      outgoing.headers().setAll(outbound);
      // Listened to before anything is sent, on the request's own future: a listener chained
      // through another future may run after the answer's body has gone by (revocation/HttpFetch).
      outgoing.response().onComplete(answered -> {
        if (answered.failed()) {
          result.tryFail(translate(answered.cause()));
        } else {
          collect(answered.result(), result);
        }
      });
      // Sent once, whatever happens next: no retry of a registration the IS may have acted on.
      outgoing.end(body).onFailure(e -> result.tryFail(translate(e)));
    });
    return result.future().andThen(v -> vertx.cancelTimer(deadline));
  }

  private static void collect(HttpClientResponse response, Promise<UpstreamResponse> result) {
    Buffer collected = Buffer.buffer();
    response.handler(chunk -> {
      if (collected.length() + (long) chunk.length() > MAX_ANSWER_BYTES) {
        if (result.tryFail(new GatewayException(502, ErrorCodes.BAD_GATEWAY, "upstream.unavailable",
            "the identity server's answer is larger than " + MAX_ANSWER_BYTES + " bytes; not relayed"))) {
          abandon(response.request());
        }
        return;
      }
      collected.appendBuffer(chunk);
    });
    response.exceptionHandler(e -> result.tryFail(translate(e)));
    response.endHandler(v -> result.tryComplete(new UpstreamResponse(response.statusCode(), response.statusMessage(),
        UpstreamHeaders.forResponse(response.headers()), collected)));
  }

  /** Closes the exchange (and, for HTTP/1.1, its connection): a late answer must not be read by the next request. */
  private static void abandon(HttpClientRequest request) {
    if (request != null) {
      // reset() alone leaves an HTTP/1.1 connection open once the request was sent in full.
      request.reset();
      request.connection().close();
    }
  }

  public Future<Void> close() {
    List<Future<Void>> closing = new ArrayList<>();
    closing.add(shared.close());
    byEventLoop.values().forEach(client -> closing.add(client.close()));
    return Future.join(closing).mapEmpty();
  }

  private String registrationPath(RegistrationRequest request) {
    return config.registrationPath()
        + request.clientId().map(id -> "/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"))
            .orElse("");
  }

  private static GatewayException deadlinePassed() {
    return new GatewayException(504, ErrorCodes.GATEWAY_TIMEOUT, "upstream.timeout",
        "the identity server did not complete its answer within the request deadline; the registration may be"
            + " retried later");
  }

  private static GatewayException translate(Throwable e) {
    if (e instanceof GatewayException gateway) {
      return gateway;
    }
    if (e instanceof TimeoutException || e instanceof ConnectTimeoutException) {
      return new GatewayException(504, ErrorCodes.GATEWAY_TIMEOUT, "upstream.timeout",
          "the identity server did not answer in time; the registration may be retried later");
    }
    return new GatewayException(502, ErrorCodes.BAD_GATEWAY, "upstream.unavailable",
        "the identity server could not be reached or gave no valid answer");
  }

  private static HttpClientOptions clientOptions(UpstreamConfig config) {
    HttpClientOptions options = new HttpClientOptions()
        .setKeepAlive(true)
        .setKeepAliveTimeout((int) config.keepAliveTimeout().toSeconds())
        .setConnectTimeout((int) config.connectTimeout().toMillis())
        .setMaxHeaderSize(64 * 1024);
    if ("https".equalsIgnoreCase(config.baseUrl().getScheme())) {
      UpstreamConfig.UpstreamTls tls = config.tls();
      options.setSsl(true).setVerifyHost(tls.verifyHost());
      if (!tls.trustAnchors().isEmpty()) {
        PemTrustOptions trust = new PemTrustOptions();
        tls.trustAnchors().forEach(p -> trust.addCertPath(p.toString()));
        options.setTrustOptions(trust);
      }
      tls.clientCertificate().ifPresent(c -> options.setKeyCertOptions(new PemKeyCertOptions()
          .setCertPath(c.certificate().toString())
          .setKeyPath(c.key().toString())));
    }
    return options;
  }
}
