package io.dcrgateway.token;

import io.dcrgateway.config.InitialAccessTokenConfig;
import io.dcrgateway.keys.CachedKeySet;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.core.buffer.Buffer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * RFC 7662 introspection at the identity server, with the gateway's own client credentials
 * (§2.1: the endpoint requires authorization; client_secret_basic, RFC 6749 §2.3.1 form-encoding
 * id and secret). The identity server decides whether the token is active (revocation included);
 * the gateway still checks {@code exp}, {@code iss} and {@code aud} when configured. Answers are
 * cached ({@link IntrospectionCache}). Through Vert.x, never blocking the event loop.
 */
final class IntrospectedTokens implements AccessTokenValidator {

  private final InitialAccessTokenConfig config;
  private final WebClient client;
  private final IntrospectionCache cache;
  private final Clock clock;
  private final String authorization;

  IntrospectedTokens(Vertx vertx, InitialAccessTokenConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.client = WebClient.create(vertx, new WebClientOptions()
        .setConnectTimeout((int) config.timeout().toMillis())
        .setFollowRedirects(false));
    this.cache = new IntrospectionCache(config.cacheTtl(), config.cacheSize(), clock);
    String credentials = form(config.clientId().orElseThrow()) + ":" + form(config.clientSecret().orElseThrow());
    this.authorization = "Basic " + java.util.Base64.getEncoder()
        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public Future<Void> start() {
    return Future.succeededFuture();
  }

  @Override
  public void stop() {
    client.close();
  }

  @Override
  public Optional<CachedKeySet> keys() {
    return Optional.empty();
  }

  @Override
  public Future<InitialAccessToken> validate(String token) {
    Optional<IntrospectionCache.Answer> cached = cache.get(token);
    Future<IntrospectionCache.Answer> answer = cached.map(Future::succeededFuture)
        .orElseGet(() -> introspect(token).andThen(done -> {
          if (done.succeeded()) {
            cache.put(token, done.result());
          }
        }));
    return answer.map(this::accept);
  }

  private Future<IntrospectionCache.Answer> introspect(String token) {
    return client.postAbs(config.introspectionUrl().orElseThrow().toString())
        .putHeader("Authorization", authorization)
        .putHeader("Accept", "application/json")
        .timeout(config.timeout().toMillis())
        .sendForm(MultiMap.caseInsensitiveMultiMap().add("token", token).add("token_type_hint", "access_token"))
        .transform(done -> done.succeeded() ? Future.succeededFuture(read(done.result()))
            : Future.failedFuture(TokenRejections.unavailable("token.introspection-unavailable",
                "the identity server cannot be asked about the token right now; retry later")));
  }

  private static IntrospectionCache.Answer read(HttpResponse<Buffer> response) {
    JsonObject body;
    try {
      body = response.statusCode() == 200 ? response.bodyAsJsonObject() : null;
    } catch (DecodeException | ClassCastException e) {
      body = null;
    }
    if (body == null || !(body.getValue("active") instanceof Boolean active)) {
      // 401 here means the gateway's own credentials are wrong: the operator's problem, not the client's.
      throw TokenRejections.unavailable("token.introspection-unavailable", "the identity server's"
          + " introspection answer could not be used (HTTP " + response.statusCode() + "); retry later");
    }
    return new IntrospectionCache.Answer(active ? Optional.of(InitialAccessToken.of(body)) : Optional.empty());
  }

  private InitialAccessToken accept(IntrospectionCache.Answer answer) {
    InitialAccessToken token = answer.active().orElseThrow(() -> TokenRejections.invalid("token.inactive",
        "the token is not active (expired, revoked or unknown to the identity server)"));
    Instant now = clock.instant();
    if (token.expiresAt().filter(exp -> !now.isBefore(exp.plus(config.clockSkew()))).isPresent()) {
      throw TokenRejections.invalid("token.expired", "the token has expired; get a new one");
    }
    Object iss = token.claims().getValue("iss");
    if (config.issuer().isPresent() && iss != null && !config.issuer().get().equals(iss)) {
      throw TokenRejections.invalid("token.wrong-issuer", "the token was not issued by the expected identity"
          + " server (iss)");
    }
    if (config.audience().isPresent() && !audienceHolds(token.claims().getValue("aud"), config.audience().get())) {
      throw TokenRejections.invalid("token.wrong-audience", "the token was not issued for this registration"
          + " endpoint (aud)");
    }
    return token;
  }

  private static boolean audienceHolds(Object aud, String audience) {
    return aud instanceof JsonArray array ? array.contains(audience) : audience.equals(aud);
  }

  private static String form(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
