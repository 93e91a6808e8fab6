package io.dcrgateway.audit;

import io.dcrgateway.audit.AuditEvent.CertificateFacts;
import io.dcrgateway.error.GatewayException;
import io.dcrgateway.policy.Violation;
import io.dcrgateway.statement.SoftwareStatement;
import io.dcrgateway.request.RequestContext;
import io.dcrgateway.tls.RevocationRefusal;
import io.dcrgateway.tls.VerifiedClient;
import io.dcrgateway.token.InitialAccessToken;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Collects what each stage decided about a request and writes one {@link AuditEvent} when the
 * response is done, whichever way it ends (forwarded, rejected, upstream failure, client gone).
 */
public final class RequestAudit {

  private static final String FACTS = RequestAudit.class.getName() + ".facts";

  private final AuditLog log;
  private final Consumer<Completed> observer;

  public RequestAudit(AuditLog log) {
    this(log, completed -> { });
  }

  /** @param observer told about every request once its event is written (metrics) */
  public RequestAudit(AuditLog log, Consumer<Completed> observer) {
    this.log = log;
    this.observer = observer;
  }

  /** A request's event and what only metrics need: how long the identity server took, if asked. */
  public record Completed(AuditEvent event, Optional<Duration> upstreamTime) {
  }

  public void onEnd(RoutingContext ctx, RequestContext context) {
    Instant start = Instant.now();
    long startNanos = System.nanoTime();
    Facts facts = new Facts();
    ctx.put(FACTS, facts);
    ctx.addEndHandler(done -> completed(facts, new AuditEvent(
        start,
        context.requestId(),
        context.interactionId(),
        context.remoteAddress(),
        ctx.request().method().name(),
        ctx.request().path(),
        Optional.ofNullable(facts.certificate),
        done.succeeded() ? facts.outcome : "aborted",
        ctx.response().getStatusCode(),
        Optional.ofNullable(facts.error),
        Optional.ofNullable(facts.reason),
        Optional.ofNullable(facts.upstreamStatus),
        facts.reported,
        Optional.ofNullable(facts.registration),
        (System.nanoTime() - startNanos) / 1_000,
        Optional.ofNullable(facts.token))));
  }

  private void completed(Facts facts, AuditEvent event) {
    log.record(event);
    observer.accept(new Completed(event, Optional.ofNullable(facts.upstreamNanos).map(Duration::ofNanos)));
  }

  /**
   * A request refused before any stage ran, because Vert.x could not read its head: there is no
   * routing context, but the refusal is recorded and counted like any other, once answered.
   *
   * @param method and {@code path}: as far as they were read
   */
  public Unread unread(HttpServerRequest request, RequestContext context, String method, String path,
      GatewayException refusal) {
    return new Unread(Instant.now(), System.nanoTime(), request, context, method, path, refusal);
  }

  /** The record of an unreadable request, written once its answer is. */
  public final class Unread {
    private final Instant start;
    private final long startNanos;
    private final RequestContext context;
    private final String method;
    private final String path;
    private final GatewayException refusal;
    private final Optional<CertificateFacts> certificate;

    private Unread(Instant start, long startNanos, HttpServerRequest request, RequestContext context, String method,
        String path, GatewayException refusal) {
      this.start = start;
      this.startNanos = startNanos;
      this.context = context;
      this.method = method;
      this.path = path;
      this.refusal = refusal;
      this.certificate = presentedLeaf(request).map(leaf -> CertificateFactsOf.of(leaf, ""));
    }

    /** @param written whether the answer reached the connection ({@code aborted} otherwise) */
    public void answered(boolean written) {
      completed(new Facts(), new AuditEvent(start, context.requestId(), context.interactionId(),
          context.remoteAddress(), method, path, certificate, written ? "rejected" : "aborted", refusal.status(),
          Optional.of(refusal.error()), Optional.of(refusal.reason()), Optional.empty(), List.of(), Optional.empty(),
          (System.nanoTime() - startNanos) / 1_000));
    }
  }

  /** Time from sending to the identity server until its answer or failure. */
  public void upstreamTime(RoutingContext ctx, long nanos) {
    facts(ctx).upstreamNanos = nanos;
  }

  public void verified(RoutingContext ctx, VerifiedClient client) {
    facts(ctx).certificate = CertificateFactsOf.of(client);
  }

  public void forwarded(RoutingContext ctx, int upstreamStatus) {
    Facts facts = facts(ctx);
    facts.outcome = "forwarded";
    facts.upstreamStatus = upstreamStatus;
  }

  /** The verified statement a registration or update was checked against. */
  public void statement(RoutingContext ctx, String profile, Optional<SoftwareStatement> statement) {
    Facts facts = facts(ctx);
    facts.registration = new AuditEvent.RegistrationFacts(profile,
        statement.flatMap(SoftwareStatement::softwareId), statement.flatMap(SoftwareStatement::orgId),
        statement.flatMap(s -> s.string("jti")), Optional.empty());
  }

  /** The initial access token a registration carried, once validated: its client, user and id. */
  public void token(RoutingContext ctx, String route, InitialAccessToken token) {
    facts(ctx).token = new AuditEvent.TokenFacts(route, token.clientId(), token.subject(), token.jti(),
        Optional.empty());
  }

  /** The template a templatized registration named. */
  public void template(RoutingContext ctx, String softwareId) {
    Facts facts = facts(ctx);
    AuditEvent.TokenFacts t = facts.token;
    if (t != null) {
      facts.token = new AuditEvent.TokenFacts(t.route(), t.clientId(), t.subject(), t.jti(), Optional.of(softwareId));
    }
  }

  /** The client the identity server issued for a registration. */
  public void clientIssued(RoutingContext ctx, String clientId) {
    Facts facts = facts(ctx);
    AuditEvent.RegistrationFacts r = facts.registration;
    if (r != null) {
      facts.registration = new AuditEvent.RegistrationFacts(r.profile(), r.softwareId(), r.orgId(),
          r.statementJti(), Optional.of(clientId));
    }
  }

  /** Violations a report-only profile let through: an operator rolling out rules reads these. */
  public void reported(RoutingContext ctx, List<Violation> violations) {
    facts(ctx).reported = violations.stream().map(v -> "rule." + v.ruleId() + ": " + v.description()).toList();
  }

  public void rejected(RoutingContext ctx, GatewayException e) {
    Facts facts = facts(ctx);
    facts.outcome = e.reason().startsWith("upstream.") ? "upstream_error" : "rejected";
    facts.error = e.error();
    facts.reason = e.reason();
    if (facts.certificate == null && e instanceof RevocationRefusal refusal) {
      facts.certificate = CertificateFactsOf.of(refusal.client());
    } else if (facts.certificate == null) {
      facts.certificate = presentedLeaf(ctx.request()).map(leaf -> CertificateFactsOf.of(leaf, "")).orElse(null);
    }
  }

  private static Facts facts(RoutingContext ctx) {
    Facts facts = ctx.get(FACTS);
    return facts == null ? new Facts() : facts;
  }

  /** A rejected certificate is still recorded: an auditor wants to see who tried. */
  private static Optional<X509Certificate> presentedLeaf(HttpServerRequest request) {
    try {
      List<Certificate> chain = request.connection().peerCertificates();
      return chain.isEmpty() || !(chain.get(0) instanceof X509Certificate leaf)
          ? Optional.empty() : Optional.of(leaf);
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  private static final class Facts {
    private CertificateFacts certificate;
    private String outcome = "rejected";
    private String error;
    private String reason;
    private Integer upstreamStatus;
    private List<String> reported = List.of();
    private AuditEvent.RegistrationFacts registration;
    private Long upstreamNanos;
    private AuditEvent.TokenFacts token;
  }
}
