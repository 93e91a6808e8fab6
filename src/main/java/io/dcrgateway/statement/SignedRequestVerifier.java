package io.dcrgateway.statement;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import io.dcrgateway.error.ErrorCodes;
import io.dcrgateway.error.GatewayException;
import io.dcrgateway.replay.Claimed;
import io.dcrgateway.replay.ReplayStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * UK Open Banking DCR request JWTs (SPEC UK-02..UK-08): the TPP signs its registration with a
 * key published at the SSA's {@code software_jwks_endpoint} (holder-of-key proof). Keys come only
 * from there, never from {@code x5c}/{@code x5u}/{@code jku}/{@code jwk} headers; only PS256 and
 * ES256 (FAPI), so RS256 is refused (conformance DCR-004).
 */
public final class SignedRequestVerifier {

  static final Set<String> ALGORITHMS = Set.of("PS256", "ES256");
  /**
   * A captured request must not stay usable for long, and each accepted jti is remembered until
   * expiry: both bounded by this (UK DCR leaves the lifetime to the ASPSP).
   */
  static final Duration MAX_LIFETIME = Duration.ofMinutes(60);
  private static final Set<String> ENVELOPE = Set.of("iss", "aud", "iat", "exp", "jti", "nbf");
  /** UK-07: jti is a UUIDv4. */
  private static final Pattern UUID_V4 = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-4[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}");

  private final SoftwareStatementVerifier statements;
  private final SoftwareKeys softwareKeys;
  private final ReplayStore replay;
  private final Optional<String> audience;
  private final Duration skew;

  /** @param audience the authorization server's id the request must be addressed to (UK-05) */
  public SignedRequestVerifier(SoftwareStatementVerifier statements, SoftwareKeys softwareKeys,
      ReplayStore replay, Optional<String> audience, Duration skew) {
    this.statements = statements;
    this.softwareKeys = softwareKeys;
    this.replay = replay;
    this.audience = audience;
    this.skew = skew;
  }

  public Future<SignedRequest> verify(String compact) {
    CompactJws jwt;
    try {
      jwt = signed(compact);
    } catch (GatewayException e) {
      return Future.failedFuture(e);
    }
    Object ssa = jwt.claims().get("software_statement");
    if (!(ssa instanceof String ssaText)) {
      return Future.failedFuture(StatementRejections.invalid("statement.missing",
          "the request JWT carries no software_statement string"));
    }
    return statements.verify(ssaText).compose(statement -> keysAndCheck(jwt, statement));
  }

  /** Records the request's jti as used (UK-07 recommends replay detection). */
  public Future<Claimed> claimOnce(SignedRequest request) {
    String namespace = "request-jwt:" + request.statement().directory().name() + ":"
        + request.statement().softwareId().orElse("");
    return replay.firstUse(namespace, request.jti(),
            Instant.ofEpochSecond(request.expiresAt()).plus(skew))
        .recover(e -> Future.failedFuture(StatementRejections.unavailable("request-jwt.replay-store-unavailable",
            "the gateway cannot check request JWTs for replay right now; retry later")))
        .compose(first -> first ? Future.succeededFuture(new Claimed(namespace, request.jti()))
            : Future.failedFuture(invalid("request-jwt.replayed", "request JWT jti " + request.jti()
                + " was already used; sign a new request")));
  }

  private Future<SignedRequest> keysAndCheck(CompactJws jwt, SoftwareStatement statement) {
    String endpointClaim = statement.names().jwksUri();
    Optional<String> endpoint = statement.string(endpointClaim);
    Optional<String> softwareId = statement.softwareId();
    if (endpoint.isEmpty() || softwareId.isEmpty()) {
      return Future.failedFuture(StatementRejections.invalid("statement.claims",
          "software statement lacks " + (endpoint.isEmpty() ? endpointClaim : statement.names().softwareId())
              + ", needed to verify the TPP-signed request"));
    }
    URI uri;
    try {
      uri = URI.create(endpoint.get());
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(StatementRejections.invalid("statement.claims",
          endpointClaim + " is not a URI: " + endpoint.get()));
    }
    // Scheme and destination (https, public addresses: holder-of-key proof is only as good as the
    // channel the keys come over, and the URL must not lead into the bank's network) are the
    // fetch policy's, applied by softwareKeys before anything is fetched.
    if (!uri.isAbsolute() || uri.getHost() == null) {
      return Future.failedFuture(StatementRejections.invalid("statement.claims",
          endpointClaim + " must be an absolute https URL, got " + endpoint.get()));
    }
    return softwareKeys.keysFor(uri, jwt.header().getKeyID())
        .recover(e -> Future.failedFuture(e instanceof GatewayException ? e : StatementRejections.unavailable(
            "request-jwt.keys-unavailable", "the TPP's keys at " + uri + " could not be fetched; retry later")))
        .map(keys -> {
          JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder().issuer(softwareId.get());
          audience.ifPresent(exact::audience);
          JWTClaimsSet claims = JwsSignatureCheck.verify(statements.keyVerifiers(), jwt, keys,
              JwsSignatureCheck.Rules.of(ALGORITHMS, exact.build(), Set.of("iss", "aud", "iat", "exp", "jti"), skew),
              "request JWT", "request-jwt", SignedRequestVerifier::invalid);
          Instant issued = claims.getIssueTime().toInstant();
          Instant expires = claims.getExpirationTime().toInstant();
          if (Duration.between(issued, expires).compareTo(MAX_LIFETIME) > 0
              || issued.isBefore(Instant.now().minus(MAX_LIFETIME).minus(skew))) {
            throw invalid("request-jwt.lifetime", "request JWT must be issued within the last "
                + MAX_LIFETIME.toMinutes() + " minutes and expire at most that long after iat");
          }
          if (!UUID_V4.matcher(claims.getJWTID()).matches()) {
            throw invalid("request-jwt.jti-format", "request JWT jti must be a UUIDv4, got " + claims.getJWTID());
          }
          JsonObject metadata = new JsonObject(new LinkedHashMap<>(jwt.claims()));
          ENVELOPE.forEach(metadata::remove);
          return new SignedRequest(jwt.compact(), metadata, statement, claims.getJWTID(),
              claims.getExpirationTime().toInstant().getEpochSecond());
        });
  }

  private static CompactJws signed(String compact) {
    CompactJws signed;
    try {
      signed = CompactJws.parse(compact.trim());
    } catch (CompactJws.Malformed e) {
      throw switch (e.kind) {
        case UNSIGNED, ENCRYPTED -> invalid("request-jwt.unsigned", "the registration request must be a signed JWT (JWS)");
        case PAYLOAD_NOT_OBJECT -> invalid("request-jwt.malformed", "request JWT payload is not a JSON object: "
            + e.getMessage());
        case NOT_COMPACT -> invalid("request-jwt.malformed", "request body is not a JWS in compact serialisation: "
            + e.getMessage());
      };
    }
    JWSAlgorithm alg = signed.header().getAlgorithm();
    if (!ALGORITHMS.contains(alg.getName())) {
      throw invalid("request-jwt.alg-not-allowed", "request JWT is signed with " + alg
          + "; only " + String.join(" or ", List.copyOf(new java.util.TreeSet<>(ALGORITHMS))) + " are accepted (FAPI)");
    }
    if (signed.header().getKeyID() == null) {
      throw invalid("request-jwt.kid-missing", "request JWT has no kid header");
    }
    return signed;
  }

  private static GatewayException invalid(String reason, String description) {
    return new GatewayException(400, ErrorCodes.INVALID_CLIENT_METADATA, reason, description);
  }
}
