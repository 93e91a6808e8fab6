package io.dcrgateway.statement;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import io.dcrgateway.config.DirectoryConfig;
import io.dcrgateway.replay.Claimed;
import io.dcrgateway.replay.ReplayStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.security.Provider;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The software statement stage (OFB DCR 7.1-2/-3, UK SSA "Request Validation", RFC 7591 §2.3):
 * the directory is chosen by the unverified {@code iss}, then everything else is checked
 * against that directory only: algorithm allow-list before any key lookup, {@code kid}
 * required, signature with the directory's key for that kid, issuer, {@code iat} age and skew,
 * {@code exp}. Replay ({@code jti}) is claimed separately, once the rules passed, so a TPP whose
 * metadata was refused can fix it and retry with the same fresh statement.
 */
public final class SoftwareStatementVerifier {

  private final Map<String, TrustedDirectory> byIssuer;
  private final ReplayStore replay;
  private final Clock clock;
  private final StatementObserver observer;
  private final KeyVerifiers verifiers;
  private final Map<String, JwsSignatureCheck.Rules> rulesByIssuer;

  public SoftwareStatementVerifier(List<TrustedDirectory> directories, ReplayStore replay, Clock clock) {
    this(directories, replay, clock, StatementObserver.NONE);
  }

  /** @param observer told every result by directory (metrics) */
  public SoftwareStatementVerifier(List<TrustedDirectory> directories, ReplayStore replay, Clock clock,
      StatementObserver observer) {
    this(directories, replay, clock, observer, Optional.empty());
  }

  /**
   * @param crypto the JCA provider that checks signatures ({@code crypto.provider}), for the
   *     statement and for the request JWTs {@link SignedRequestVerifier} checks with it; empty: the JDK's
   */
  public SoftwareStatementVerifier(List<TrustedDirectory> directories, ReplayStore replay, Clock clock,
      StatementObserver observer, Optional<Provider> crypto) {
    this.verifiers = new KeyVerifiers(crypto);
    this.rulesByIssuer = directories.stream().map(TrustedDirectory::config).collect(Collectors.toUnmodifiableMap(
        DirectoryConfig::issuer, config -> JwsSignatureCheck.Rules.of(config.algorithms(),
            new JWTClaimsSet.Builder().issuer(config.issuer()).build(), Set.of("iss", "iat"), config.clockSkew())));
    this.byIssuer = directories.stream()
        .collect(Collectors.toUnmodifiableMap(d -> d.config().issuer(), Function.identity()));
    this.replay = replay;
    this.clock = clock;
    this.observer = observer;
  }

  KeyVerifiers keyVerifiers() {
    return verifiers;
  }

  public Future<SoftwareStatement> verify(String compact) {
    TrustedDirectory directory;
    CompactJws jwt;
    try {
      jwt = signed(compact);
      directory = directoryOf(jwt);
    } catch (RuntimeException e) {
      observer.checked(Optional.empty(), StatementResult.of(e));
      return Future.failedFuture(e);
    }
    return verifyWith(jwt, directory).andThen(done -> observer.checked(Optional.of(directory.config().name()),
        done.succeeded() ? StatementResult.VALID : StatementResult.of(done.cause())));
  }

  private Future<SoftwareStatement> verifyWith(CompactJws jwt, TrustedDirectory directory) {
    try {
      DirectoryConfig config = directory.config();
      JWSHeader header = jwt.header();
      if (!config.algorithms().contains(header.getAlgorithm().getName())) {
        throw StatementRejections.invalid("statement.alg-not-allowed", "software statement is signed with "
            + header.getAlgorithm() + "; statements of " + config.issuer() + " must use "
            + String.join(" or ", config.algorithms()));
      }
      String kid = header.getKeyID();
      if (kid == null || kid.isBlank()) {
        throw StatementRejections.invalid("statement.kid-missing",
            "software statement has no kid header; the directory's key cannot be selected");
      }
      return keysWith(directory, kid).map(keys -> check(jwt, keys, config));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /**
   * Records the statement's {@code jti} as used for this operation; fails if it was used before
   * within the statement's validity (OFB: 5 minutes), or if the directory does not require it.
   */
  public Future<Optional<Claimed>> claimOnce(SoftwareStatement statement, String operation) {
    DirectoryConfig config = statement.directory();
    if (!config.rejectReplay()) {
      return Future.succeededFuture(Optional.empty());
    }
    Optional<String> jti = statement.string("jti");
    if (jti.isEmpty()) {
      observer.checked(Optional.of(config.name()), StatementResult.INVALID);
      return Future.failedFuture(StatementRejections.invalid("statement.jti-missing",
          "software statement has no jti, so a replay cannot be ruled out; fetch a fresh statement"));
    }
    Instant iat = Instant.ofEpochSecond(statement.claims().getLong("iat", 0L));
    Instant expires = iat.plus(config.maxAge()).plus(config.clockSkew());
    String namespace = "ssa:" + config.name() + ":" + operation;
    return replay.firstUse(namespace, jti.get(), expires)
        .recover(e -> Future.failedFuture(StatementRejections.unavailable("statement.replay-store-unavailable",
            "the gateway cannot check software statements for replay right now; retry later")))
        .compose(first -> first ? Future.succeededFuture(Optional.of(new Claimed(namespace, jti.get())))
            : Future.<Optional<Claimed>>failedFuture(StatementRejections.invalid("statement.replayed",
                "software statement jti " + jti.get() + " was already used; fetch a fresh statement from the"
                    + " directory")))
        // A first use was counted valid at verification already; only a refusal here adds a count.
        .onFailure(e -> observer.checked(Optional.of(config.name()), StatementResult.of(e)));
  }

  /** The identity server did not act on the request: the statement may be presented again. */
  public Future<Void> release(Claimed claimed) {
    return replay.release(claimed.namespace(), claimed.id());
  }

  private static CompactJws signed(String compact) {
    try {
      return CompactJws.parse(compact);
    } catch (CompactJws.Malformed e) {
      throw switch (e.kind) {
        case UNSIGNED -> StatementRejections.invalid("statement.unsigned",
            "software statement is unsigned (alg none); only directory-signed statements are accepted");
        case ENCRYPTED -> StatementRejections.invalid("statement.malformed",
            "software statement must be a signed JWT (JWS), not an encrypted one");
        case PAYLOAD_NOT_OBJECT -> StatementRejections.invalid("statement.malformed",
            "software statement payload is not a JSON object: " + e.getMessage());
        case NOT_COMPACT -> StatementRejections.invalid("statement.malformed",
            "software_statement is not a JWT in compact serialisation: " + e.getMessage());
      };
    }
  }

  private TrustedDirectory directoryOf(CompactJws jwt) {
    Object iss = jwt.claims().get("iss");
    if (iss != null && !(iss instanceof String)) {
      throw StatementRejections.invalid("statement.malformed", "software statement iss claim is not a string");
    }
    String issuer = (String) iss;
    if (issuer == null) {
      throw StatementRejections.invalid("statement.iss-missing", "software statement has no iss claim");
    }
    TrustedDirectory directory = byIssuer.get(issuer);
    if (directory == null) {
      throw StatementRejections.unapproved("statement.issuer-unknown",
          "software statements issued by \"" + issuer + "\" are not accepted by this authorization server");
    }
    return directory;
  }

  /** Keys holding {@code kid}: the current snapshot, or one refetch if the directory rotated. */
  private static Future<JWKSet> keysWith(TrustedDirectory directory, String kid) {
    Optional<JWKSet> current = directory.keys().current();
    if (current.isPresent() && current.get().getKeyByKeyId(kid) != null) {
      return Future.succeededFuture(current.get());
    }
    return directory.keys().refreshFor(kid).map(refreshed -> {
      if (refreshed.isEmpty()) {
        throw StatementRejections.unavailable("statement.keys-unavailable", "the signing keys of "
            + directory.config().issuer() + " are unavailable right now; retry later");
      }
      if (refreshed.get().getKeyByKeyId(kid) == null) {
        throw StatementRejections.invalid("statement.kid-unknown", "software statement is signed with key "
            + kid + ", which " + directory.config().issuer() + " does not publish");
      }
      return refreshed.get();
    });
  }

  private SoftwareStatement check(CompactJws jwt, JWKSet keys, DirectoryConfig config) {
    JWTClaimsSet claims = JwsSignatureCheck.verify(verifiers, jwt, keys, rulesByIssuer.get(config.issuer()),
        "software statement", "statement", StatementRejections::invalid);
    Instant now = clock.instant();
    Instant iat = claims.getIssueTime().toInstant();
    if (iat.isBefore(now.minus(config.maxAge()))) {
      throw StatementRejections.invalid("statement.too-old", "software statement was issued at " + iat
          + ", more than " + config.maxAge().toSeconds() + " s before this request; fetch a fresh one");
    }
    if (iat.isAfter(now.plus(config.clockSkew()))) {
      throw StatementRejections.invalid("statement.iat-in-future", "software statement iat " + iat
          + " is in the future beyond the allowed clock skew of " + config.clockSkew().toSeconds() + " s");
    }
    return new SoftwareStatement(jwt.compact(), new JsonObject(jwt.claims()), config);
  }
}
