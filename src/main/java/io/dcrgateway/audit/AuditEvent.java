package io.dcrgateway.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One decision of the gateway about one request: what came in, from whom, what was decided and
 * why. Every request that reaches the pipeline ends in exactly one event.
 *
 * @param outcome {@code forwarded}, {@code rejected} or {@code upstream_error}
 * @param reason the stable id of the check that decided (e.g. {@code tls.client-cert.expired},
 *     {@code rule.redirect-uris.in-software-statement}); empty when forwarded
 * @param reported rule violations a report-only profile let through
 * @param registration the statement and client facts of a checked registration or update
 * @param token the initial access token a registration on a token route carried (never the token itself)
 */
public record AuditEvent(
    Instant time,
    String requestId,
    Optional<String> interactionId,
    String remoteAddress,
    String method,
    String path,
    Optional<CertificateFacts> certificate,
    String outcome,
    int status,
    Optional<String> error,
    Optional<String> reason,
    Optional<Integer> upstreamStatus,
    List<String> reported,
    Optional<RegistrationFacts> registration,
    long durationMicros,
    Optional<TokenFacts> token) {

  public AuditEvent {
    reported = List.copyOf(reported);
  }

  /** A request without an initial access token. */
  public AuditEvent(Instant time, String requestId, Optional<String> interactionId, String remoteAddress,
      String method, String path, Optional<CertificateFacts> certificate, String outcome, int status,
      Optional<String> error, Optional<String> reason, Optional<Integer> upstreamStatus, List<String> reported,
      Optional<RegistrationFacts> registration, long durationMicros) {
    this(time, requestId, interactionId, remoteAddress, method, path, certificate, outcome, status, error, reason,
        upstreamStatus, reported, registration, durationMicros, Optional.empty());
  }

  /**
   * Who an accepted initial access token speaks for: enough to trace a registration to the
   * partner or the signed-in user, nothing to replay.
   *
   * @param route the route's path
   * @param template the {@code software_id} template a templatized registration named
   */
  public record TokenFacts(String route, Optional<String> clientId, Optional<String> subject, Optional<String> jti,
      Optional<String> template) {
  }

  /**
   * What a registration or update was about: the profile that checked it, the verified
   * statement's software, organisation and jti, and the client the identity server issued.
   */
  public record RegistrationFacts(String profile, Optional<String> softwareId, Optional<String> orgId,
      Optional<String> statementJti, Optional<String> clientId) {
  }

  /**
   * Enough to identify the certificate later without storing it.
   *
   * @param revocation what revocation checking decided, when its trust domain was asked
   */
  public record CertificateFacts(String subject, String issuer, String serialHex, String sha256, String trustDomain,
      Optional<RevocationFacts> revocation) {
  }

  /**
   * @param verdict {@code good}, {@code revoked}, {@code unknown-allowed} (soft-fail let it through),
   *     {@code unknown-refused} or {@code not-checked}
   * @param detail what OCSP or the CRL said, or why neither could say
   */
  public record RevocationFacts(String verdict, String detail) {
  }
}
