package io.dcrgateway.testkit;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A stand-in identity server for initial access tokens: mints RS256 access tokens with its key,
 * publishes the JWKS at {@code /jwks}, and answers RFC 7662 introspection at {@code /introspect}
 * with what the test registered (inactive for anything else), recording every introspection call.
 */
public final class TokenIssuer implements AutoCloseable {

  public static final String ISSUER = "https://is.test/realms/dcr";
  public static final String AUDIENCE = "dcr-gateway";
  public static final String GATEWAY_CLIENT = "dcr-gateway";
  public static final String GATEWAY_SECRET = "gateway-secret";

  /** One introspection call as the identity server saw it. */
  public record Introspection(String authorization, MultiMap form) {
  }

  private final HttpServer server;
  private final RSAKey key;
  private final Map<String, JsonObject> active = new ConcurrentHashMap<>();
  private final List<Introspection> introspections = new CopyOnWriteArrayList<>();
  private volatile int introspectionStatus = 200;

  private TokenIssuer(HttpServer server, RSAKey key) {
    this.server = server;
    this.key = key;
  }

  public static TokenIssuer start(Vertx vertx) throws Exception {
    RSAKey key = newKey("is-key-1");
    HttpServer server = vertx.createHttpServer();
    TokenIssuer issuer = new TokenIssuer(server, key);
    server.requestHandler(request -> {
      if (request.path().equals("/jwks")) {
        request.response().putHeader("Content-Type", "application/json")
            .end(new JWKSet(key.toPublicJWK()).toString());
        return;
      }
      request.setExpectMultipart(true);
      request.endHandler(v -> {
        MultiMap form = MultiMap.caseInsensitiveMultiMap().addAll(request.formAttributes());
        issuer.introspections.add(new Introspection(request.getHeader("Authorization"), form));
        JsonObject answer = issuer.active.getOrDefault(form.get("token"), new JsonObject().put("active", false));
        request.response().setStatusCode(issuer.introspectionStatus).putHeader("Content-Type", "application/json")
            .end(answer.encode());
      });
    });
    server.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    return issuer;
  }

  public static RSAKey newKey(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.actualPort() + path;
  }

  /** Claims of a valid token for {@code client}, for the test to change: scope dcr, an hour left. */
  public static JWTClaimsSet.Builder claims(String client) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .subject("user-" + client)
        .claim("azp", client)
        .claim("client_id", client)
        .claim("scope", "openid dcr")
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(3600)));
  }

  public String mint(JWTClaimsSet claims) {
    return mint(claims, key);
  }

  public String mint(String client, UnaryOperator<JWTClaimsSet.Builder> change) {
    return mint(change.apply(claims(client)).build());
  }

  /** Signed with {@code signer}, whatever the identity server publishes. */
  public static String mint(JWTClaimsSet claims, RSAKey signer) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID())
          .type(JOSEObjectType.JWT).build(), claims);
      jwt.sign(new RSASSASigner(signer));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Introspection answers {@code answer} (plus active: true) for {@code token} from now on. */
  public void activate(String token, JsonObject answer) {
    active.put(token, answer.copy().put("active", true));
  }

  /** Revoked: introspection now answers inactive. */
  public void revoke(String token) {
    active.remove(token);
  }

  public void introspectionAnswers(int status) {
    introspectionStatus = status;
  }

  public List<Introspection> introspections() {
    return List.copyOf(introspections);
  }

  @Override
  public void close() throws Exception {
    server.close().await(10, TimeUnit.SECONDS);
  }
}
