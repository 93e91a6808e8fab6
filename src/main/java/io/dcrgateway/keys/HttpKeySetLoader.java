package io.dcrgateway.keys;

import com.nimbusds.jose.jwk.JWKSet;
import io.dcrgateway.fetch.FetchGuard;
import io.dcrgateway.fetch.FetchRefusedException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.concurrent.TimeoutException;

/** Fetches a JWKS over HTTP(S) with Vert.x's non-blocking web client. */
final class HttpKeySetLoader implements KeySetLoader {

  // RFC 7517 §8.5 registers application/jwk-set+json; most publishers still answer application/json.
  private static final String ACCEPT = "application/json, application/jwk-set+json";

  private final Vertx vertx;
  private final WebClient client;
  private final boolean ownsClient;
  private final URI url;
  private final KeySetSource source;
  private final FetchGuard guard;

  HttpKeySetLoader(Vertx vertx, WebClient client, boolean ownsClient, KeySetSource source) {
    this(vertx, client, ownsClient, source, FetchGuard.TRUSTED);
  }

  /** @param guard vets the URL before every fetch (a name's addresses may change between fetches) */
  HttpKeySetLoader(Vertx vertx, WebClient client, boolean ownsClient, KeySetSource source, FetchGuard guard) {
    this.vertx = vertx;
    this.client = client;
    this.ownsClient = ownsClient;
    this.url = source.url().orElseThrow();
    this.source = source;
    this.guard = guard;
  }

  /**
   * A client for key fetches: redirects are never followed, since a JWKS URL is part of what the
   * directory asserts, and a redirect could move trust to a host nobody vetted. Server certificates
   * and host names are verified against the JVM's trust store. No keep-alive: fetches are minutes
   * apart, so a pooled connection saves nothing and risks being one the server already closed.
   */
  static WebClient newClient(Vertx vertx) {
    return WebClient.create(vertx, new WebClientOptions()
        .setFollowRedirects(false)
        .setKeepAlive(false)
        .setVerifyHost(true)
        .setUserAgent("dcr-gateway"));
  }

  @Override
  public Future<JWKSet> load() {
    long timeoutMillis = source.fetchTimeout().toMillis();
    BoundedBodyCodec body = new BoundedBodyCodec(source.maxBytes());
    Promise<JWKSet> result = Promise.promise();
    // One deadline for the whole fetch: the client's own timeouts cover connect and silence, but
    // a server trickling a byte at a time would never trip them.
    long deadline = vertx.setTimer(timeoutMillis, id -> {
      body.abandon();
      result.tryFail(new KeySetFetchException("no complete answer within " + timeoutMillis + " ms"));
    });
    guard.vet(url).compose(target -> target.pinned()
            .map(server -> client.requestAbs(HttpMethod.GET, server, url.toString()))
            .orElseGet(() -> client.getAbs(url.toString()))
        .as(body)
        .putHeader(HttpHeaders.ACCEPT.toString(), ACCEPT)
        .followRedirects(false)
        .connectTimeout(timeoutMillis)
        .timeout(timeoutMillis)
        .send())
        .map(this::accepted)
        .onComplete(done -> {
          vertx.cancelTimer(deadline);
          if (done.succeeded()) {
            result.tryComplete(done.result());
          } else {
            result.tryFail(routine(done.cause(), timeoutMillis));
          }
        });
    return result.future();
  }

  private JWKSet accepted(HttpResponse<Buffer> response) {
    int status = response.statusCode();
    if (status != 200) {
      throw new KeySetFetchException("HTTP " + status
          + (status >= 300 && status < 400 ? " (redirects are not followed)" : ""));
    }
    return KeySetParser.parsePublic(response.body(), url.toString());
  }

  /** Network trouble is routine: one line in the log. Anything else is a bug and keeps its trace. */
  private static Throwable routine(Throwable failure, long timeoutMillis) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof KeySetFetchException) {
        return t;
      }
      if (t instanceof FetchRefusedException) {
        return new KeySetFetchException(t.getMessage());
      }
      if (t instanceof TimeoutException || t instanceof io.netty.channel.ConnectTimeoutException) {
        return new KeySetFetchException("no answer within " + timeoutMillis + " ms");
      }
    }
    if (failure instanceof ConnectException) {
      return new KeySetFetchException("cannot connect: " + failure.getMessage());
    }
    if (failure instanceof IOException || failure instanceof VertxException) {
      return new KeySetFetchException(failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }
    return failure;
  }

  @Override
  public void close() {
    if (ownsClient) {
      client.close();
    }
  }
}
