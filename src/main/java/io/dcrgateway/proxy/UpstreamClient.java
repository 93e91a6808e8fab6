package io.dcrgateway.proxy;

import io.dcrgateway.config.UpstreamConfig;
import io.dcrgateway.error.ErrorCodes;
import io.dcrgateway.error.GatewayException;
import io.dcrgateway.request.RegistrationRequest;
import io.dcrgateway.tls.VerifiedClient;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * The forward stage: sends a checked request to the identity server's registration endpoint and
 * returns its answer. Failures become 502 (unreachable, reset, garbage) or 504 (no answer in
 * time), never a hang. Requests are sent once: a POST registration is never retried, so a slow
 * IS cannot end up with two clients for one request.
 */
public final class UpstreamClient {

  private final WebClient client;
  private final UpstreamConfig config;
  private final UpstreamHeaders headers;

  public UpstreamClient(Vertx vertx, UpstreamConfig config, UpstreamHeaders headers) {
    this.config = config;
    this.headers = headers;
    this.client = WebClient.create(vertx, clientOptions(config),
        new PoolOptions().setHttp1MaxSize(config.poolSize()));
  }

  /**
   * @param body what to send: the request's own bytes, or the metadata as the profile amended it
   * @param contentType replaces the request's Content-Type when the body changed form
   */
  public Future<UpstreamResponse> forward(RegistrationRequest request, VerifiedClient verified, Buffer body,
      Optional<String> contentType) {
    return send(request, verified, body, contentType, registrationPath(request),
        config.identityServer().clientAddressOnRegistration());
  }

  /** A pass-through route: the request as received, to {@code upstreamPath} (query kept). */
  public Future<UpstreamResponse> passThrough(RegistrationRequest request, VerifiedClient verified,
      String upstreamPath, Optional<String> query) {
    return send(request, verified, request.body(), Optional.empty(),
        upstreamPath + query.map(q -> "?" + q).orElse(""), true);
  }

  private Future<UpstreamResponse> send(RegistrationRequest request, VerifiedClient verified, Buffer body,
      Optional<String> contentType, String pathAndQuery, boolean withClientAddress) {
    MultiMap outbound = headers.forRequest(request, verified, withClientAddress);
    contentType.ifPresent(type -> outbound.set("Content-Type", type));
    return client.requestAbs(request.method(), config.baseUrl().toString().replaceAll("/+$", "") + pathAndQuery)
        .putHeaders(outbound)
        .connectTimeout(config.connectTimeout().toMillis())
        .timeout(config.responseTimeout().toMillis())
        .followRedirects(false)
        .sendBuffer(body)
        .recover(e -> Future.failedFuture(translate(e)))
        .map(UpstreamClient::relayable);
  }

  public Future<Void> close() {
    client.close();
    return Future.succeededFuture();
  }

  private String registrationPath(RegistrationRequest request) {
    return config.registrationPath()
        + request.clientId().map(id -> "/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"))
            .orElse("");
  }

  private static UpstreamResponse relayable(HttpResponse<Buffer> response) {
    Buffer body = response.body() == null ? Buffer.buffer() : response.body();
    return new UpstreamResponse(response.statusCode(), response.statusMessage(),
        UpstreamHeaders.forResponse(response.headers()), body);
  }

  private GatewayException translate(Throwable e) {
    if (e instanceof TimeoutException || e instanceof ConnectTimeoutException) {
      return new GatewayException(504, ErrorCodes.GATEWAY_TIMEOUT, "upstream.timeout",
          "the identity server did not answer in time; the registration may be retried later");
    }
    return new GatewayException(502, ErrorCodes.BAD_GATEWAY, "upstream.unavailable",
        "the identity server could not be reached or gave no valid answer");
  }

  private static WebClientOptions clientOptions(UpstreamConfig config) {
    WebClientOptions options = new WebClientOptions()
        .setUserAgentEnabled(false)
        .setFollowRedirects(false)
        .setKeepAlive(true)
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
