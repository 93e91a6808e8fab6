package io.dcrgateway.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.dcrgateway.config.InitialAccessTokenConfig;
import io.dcrgateway.keys.CachedKeySet;
import io.dcrgateway.keys.KeySetSource;
import io.dcrgateway.keys.KeySetUnavailableException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.text.ParseException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A JWT access token (RFC 9068 §4) checked by the gateway alone: compact JWS with an allowed
 * asymmetric {@code alg}, signature by a key of the identity server's JWKS (kept fresh by
 * {@link CachedKeySet}, never fetched on the event loop's time: an unknown {@code kid} triggers
 * one rate-limited refetch), then {@code iss} exact, {@code aud} naming the gateway, {@code exp}
 * required and not passed. nimbus-jose-jwt does each check; this class only maps its verdicts.
 * A revoked token stays valid here until it expires: use introspection where that matters.
 */
final class JwtAccessTokens implements AccessTokenValidator {

  /** JWT (what Keycloak writes), RFC 9068 at+jwt, or none. */
  private static final DefaultJOSEObjectTypeVerifier<SecurityContext> TYPES = new DefaultJOSEObjectTypeVerifier<>(
      JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), new JOSEObjectType("application/at+jwt"), null);

  private final InitialAccessTokenConfig config;
  private final CachedKeySet keys;
  private final Set<JWSAlgorithm> algorithms;

  JwtAccessTokens(Vertx vertx, InitialAccessTokenConfig config) {
    this.config = config;
    this.keys = CachedKeySet.create(vertx, KeySetSource.url(config.jwksUrl().orElseThrow())
        .withFetchTimeout(config.timeout()));
    this.algorithms = config.algorithms().stream().map(JWSAlgorithm::parse).collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public Future<Void> start() {
    return keys.start();
  }

  @Override
  public void stop() {
    keys.stop();
  }

  @Override
  public Optional<CachedKeySet> keys() {
    return Optional.of(keys);
  }

  @Override
  public Future<InitialAccessToken> validate(String token) {
    SignedJWT jwt;
    try {
      jwt = signed(token);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    if (!algorithms.contains(jwt.getHeader().getAlgorithm())) {
      return Future.failedFuture(TokenRejections.invalid("token.alg-not-allowed", "the token is signed with "
          + jwt.getHeader().getAlgorithm() + ", which is not accepted"));
    }
    return keys.keysFor(Optional.ofNullable(jwt.getHeader().getKeyID()))
        .recover(e -> Future.failedFuture(e instanceof KeySetUnavailableException
            ? TokenRejections.unavailable("token.keys-unavailable",
                "the identity server's signing keys are unavailable right now; retry later")
            : e))
        .map(set -> verify(jwt, set));
  }

  private static SignedJWT signed(String token) {
    JWT jwt;
    try {
      jwt = JWTParser.parse(token);
    } catch (ParseException e) {
      throw TokenRejections.invalid("token.malformed", "the token is not a JWT");
    }
    if (!(jwt instanceof SignedJWT signed)) {
      // alg none, or encrypted: neither proves who issued it.
      throw TokenRejections.invalid("token.malformed", "the token must be a signed JWT");
    }
    return signed;
  }

  private InitialAccessToken verify(SignedJWT jwt, JWKSet set) {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSTypeVerifier(TYPES);
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, new ImmutableJWKSet<>(set)));
    DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
        Set.of(config.audience().orElseThrow()),
        new JWTClaimsSet.Builder().issuer(config.issuer().orElseThrow()).build(),
        Set.of("iss", "aud", "exp"), null);
    claims.setMaxClockSkew((int) config.clockSkew().toSeconds());
    processor.setJWTClaimsSetVerifier(claims);
    try {
      return InitialAccessToken.of(new JsonObject(processor.process(jwt, null).toJSONObject()));
    } catch (BadJWTException e) {
      throw claimsRejection(e.getMessage());
    } catch (BadJOSEException | JOSEException e) {
      throw TokenRejections.invalid("token.bad-signature", "the token's signature does not verify with the"
          + " identity server's keys");
    }
  }

  /** nimbus names the failed claim check in its message; each gets its own reason id. */
  private static RuntimeException claimsRejection(String message) {
    String text = message == null ? "" : message;
    if (text.startsWith("Expired")) {
      return TokenRejections.invalid("token.expired", "the token has expired; get a new one");
    }
    if (text.contains("before use time")) {
      return TokenRejections.invalid("token.not-yet-valid", "the token is not valid yet (nbf)");
    }
    if (text.contains("audience") || text.contains("aud claim")) {
      return TokenRejections.invalid("token.wrong-audience", "the token was not issued for this registration"
          + " endpoint (aud)");
    }
    if (text.contains("iss claim")) {
      return TokenRejections.invalid("token.wrong-issuer", "the token was not issued by the expected identity"
          + " server (iss)");
    }
    return TokenRejections.invalid("token.claims", "the token's claims are not acceptable: " + text);
  }
}
