package io.dcrgateway.pipeline;

import io.dcrgateway.config.RegistrationConfig.SignedRequestForwarding;
import io.dcrgateway.error.ErrorCodes;
import io.dcrgateway.error.GatewayException;
import io.dcrgateway.policy.Operation;
import io.dcrgateway.policy.PolicyDecision;
import io.dcrgateway.policy.Profile;
import io.dcrgateway.policy.ProfileEvaluator;
import io.dcrgateway.policy.RegistrationContext;
import io.dcrgateway.policy.Violation;
import io.dcrgateway.proxy.JsonBody;
import io.dcrgateway.replay.Claimed;
import io.dcrgateway.request.RegistrationRequest;
import io.dcrgateway.request.RequestBody;
import io.dcrgateway.statement.SignedRequest;
import io.dcrgateway.statement.SignedRequestVerifier;
import io.dcrgateway.statement.SoftwareStatement;
import io.dcrgateway.statement.SoftwareStatementVerifier;
import io.dcrgateway.tls.VerifiedClient;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Stages parse -> software statement -> rules for a registration (POST) or update (PUT):
 * nothing reaches the identity server that the profile refuses. Replay of the statement (and of
 * a signed request) is claimed last, once everything else passed, so a TPP told to fix its
 * metadata can retry with the same fresh statement.
 */
public final class RegistrationChecks {

  private static final Logger LOG = Logger.getLogger(RegistrationChecks.class.getName());

  private final Profile profile;
  private final SoftwareStatementVerifier statements;
  private final SignedRequestVerifier signedRequests;
  private final SignedRequestForwarding signedRequestForwarding;

  public RegistrationChecks(Profile profile, SoftwareStatementVerifier statements, SignedRequestVerifier signedRequests,
      SignedRequestForwarding signedRequestForwarding) {
    this.profile = profile;
    this.statements = statements;
    this.signedRequests = signedRequests;
    this.signedRequestForwarding = signedRequestForwarding;
  }

  /** The same statement and request verification, with another route's profile. */
  public RegistrationChecks withProfile(Profile other) {
    return new RegistrationChecks(other, statements, signedRequests, signedRequestForwarding);
  }

  String profileName() {
    return profile.name();
  }

  Future<Forwarding> check(RegistrationRequest request, VerifiedClient client, Operation operation) {
    RequestBody body;
    try {
      body = RequestBody.parse(Optional.ofNullable(request.headers().get("Content-Type")), request.body());
    } catch (GatewayException e) {
      return Future.failedFuture(e);
    }
    if (body instanceof RequestBody.Jose jose) {
      return signedRequests.verify(jose.compact()).compose(signed -> checkSigned(request, client, operation, signed));
    }
    JsonObject metadata = ((RequestBody.Json) body).metadata();
    return statementOf(metadata)
        .compose(statement -> {
          PolicyDecision decision = decide(request, client, operation, metadata, statement);
          Buffer forwarded = decision.amended() ? JsonBody.amended(request.body(), metadata, decision.metadata())
              : request.body();
          Future<Optional<Claimed>> claimed = statement.map(s -> statements.claimOnce(s, operation.name()))
              .orElse(Future.succeededFuture(Optional.empty()));
          return claimed.map(c -> new Forwarding(forwarded, Optional.of("application/json"), statement,
              decision.reported(), c.stream().toList()));
        });
  }

  private Future<Forwarding> checkSigned(RegistrationRequest request, VerifiedClient client, Operation operation,
      SignedRequest signed) {
    PolicyDecision decision = decide(request, client, operation, signed.metadata(), Optional.of(signed.statement()));
    if (signedRequestForwarding == SignedRequestForwarding.ORIGINAL && decision.amended()) {
      // The signed original cannot carry the profile's changes, and forwarding it without them
      // would let the TPP's own values stand where the statement's take precedence (RFC 7591 §3.1.1).
      return Future.failedFuture(new GatewayException(400, ErrorCodes.INVALID_CLIENT_METADATA,
          "request-jwt.needs-amendment", "the signed request must already carry the software statement's"
              + " values for " + String.join(", ", changedFields(signed.metadata(), decision.metadata()))));
    }
    return signedRequests.claimOnce(signed).compose(requestJwt -> statements.claimOnce(signed.statement(),
            operation.name())
        .recover(e -> statements.release(requestJwt).transform(v -> Future.failedFuture(e)))
        .map(statementJwt -> {
          List<Claimed> claimed = new ArrayList<>(List.of(requestJwt));
          statementJwt.ifPresent(claimed::add);
          return signedRequestForwarding == SignedRequestForwarding.ORIGINAL
              ? new Forwarding(request.body(), Optional.of("application/jose"), Optional.of(signed.statement()),
                  decision.reported(), claimed)
              : new Forwarding(JsonBody.of(decision.metadata(), request.body().length()), Optional.of("application/json"),
                  Optional.of(signed.statement()), decision.reported(), claimed);
        }));
  }

  private static List<String> changedFields(JsonObject before, JsonObject after) {
    List<String> changed = new ArrayList<>();
    after.fieldNames().stream().filter(f -> !java.util.Objects.equals(before.getValue(f), after.getValue(f)))
        .sorted().forEach(changed::add);
    before.fieldNames().stream().filter(f -> !after.containsKey(f)).sorted().forEach(changed::add);
    return changed;
  }

  /**
   * The identity server did not act on the request: its statement, request JWT and initial access
   * token may be presented again. Never fails: an id the replay store cannot release stays used
   * until it expires (fail closed; the sender fetches a fresh one), and that must not turn the
   * identity server's own answer into the gateway's 500.
   */
  Future<Void> release(Forwarding forwarding) {
    List<Future<Void>> releases = forwarding.claimed().stream()
        .map(claimed -> statements.release(claimed).onFailure(e -> LOG.warning("id " + claimed.id() + " ("
            + claimed.namespace() + ") stays used until it expires: releasing it failed: " + e.getMessage())))
        .toList();
    return Future.join(releases).<Void>mapEmpty().otherwiseEmpty();
  }

  /** Verifies the statement when present; whether it must be present is the profile's call. */
  private Future<Optional<SoftwareStatement>> statementOf(JsonObject metadata) {
    Object value = metadata.getValue("software_statement");
    if (value == null) {
      return profile.requireSoftwareStatement()
          ? Future.failedFuture(new GatewayException(400, ErrorCodes.INVALID_SOFTWARE_STATEMENT, "statement.missing",
              "software_statement is required: include the statement your directory issued for this software"))
          : Future.succeededFuture(Optional.empty());
    }
    if (!(value instanceof String compact)) {
      return Future.failedFuture(new GatewayException(400, ErrorCodes.INVALID_SOFTWARE_STATEMENT, "statement.malformed",
          "software_statement must be a string holding a compact JWS"));
    }
    return statements.verify(compact).map(Optional::of);
  }

  private PolicyDecision decide(RegistrationRequest request, VerifiedClient client, Operation operation,
      JsonObject metadata, Optional<SoftwareStatement> statement) {
    PolicyDecision decision = ProfileEvaluator.evaluate(profile,
        new RegistrationContext(operation, metadata, statement, client, request.clientId()));
    if (decision.rejection().isPresent()) {
      // The rule id is the reason: audit and metrics say which rule refused, the TPP reads why.
      Violation v = decision.rejection().get();
      throw new GatewayException(400, v.error(), "rule." + v.ruleId(), v.description());
    }
    return decision;
  }
}
