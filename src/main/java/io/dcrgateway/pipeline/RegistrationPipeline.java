package io.dcrgateway.pipeline;

import io.dcrgateway.audit.AuditHealth;
import io.dcrgateway.audit.AuditLog;
import io.dcrgateway.audit.RequestAudit;
import io.dcrgateway.ownership.OneRegistrationPerSoftware;
import io.dcrgateway.ownership.OneRegistrationPerSoftware.Claim;
import io.dcrgateway.ownership.OwnershipCheck;
import io.dcrgateway.policy.Operation;
import io.dcrgateway.proxy.IdentityServerShape;
import io.dcrgateway.proxy.RegistrationResponse;
import io.dcrgateway.config.ListenerConfig;
import io.dcrgateway.config.UpstreamConfig.PassThroughRoute;
import io.dcrgateway.error.ErrorCodes;
import io.dcrgateway.error.ErrorResponder;
import io.dcrgateway.error.GatewayException;
import io.dcrgateway.proxy.UpstreamClient;
import io.dcrgateway.ratelimit.CertificateRateLimit;
import io.dcrgateway.proxy.UpstreamResponse;
import io.dcrgateway.request.ClientIdPath;
import io.dcrgateway.request.RegistrationRequest;
import io.dcrgateway.request.RequestContext;
import io.dcrgateway.request.RequestContexts;
import io.dcrgateway.tls.ClientCertificateGate;
import io.dcrgateway.tls.VerifiedClient;
import io.dcrgateway.request.RequestBody;
import io.dcrgateway.token.InitialAccessToken;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.regex.Pattern;
import java.util.logging.Logger;

/**
 * The public listener, stage by stage: <b>tls</b> (client certificate verified once per session)
 * -> <b>rate-limit</b> (per certificate) -> <b>audit trail</b> (writable, or nothing is decided)
 * -> <b>ownership</b> (management calls: the certificate's software registered the client)
 * -> <b>parse</b> -> <b>software statement</b> -> <b>rules</b> (registrations and updates,
 * {@link RegistrationChecks}) -> <b>forward</b> (to the identity server, its answer relayed with
 * the gateway's {@code registration_client_uri}) -> <b>audit</b> (one event per request, on
 * every path). Routes of {@code registration.routes} run the same stages with their own profile;
 * on a route that requires an initial access token, <b>initial-access-token</b> (bearer token
 * valid, with the route's scope) and <b>template</b> (templatized DCR allow-list) come before
 * parse's rules, and the certificate stage runs only if the route takes certificates. A failing stage fails with {@link GatewayException}; the failure handler is the
 * one place that answers it. Every request runs against one deadline ({@code listener.request-timeout}),
 * the identity server's share included.
 */
public final class RegistrationPipeline {

  private static final Logger LOG = Logger.getLogger(RegistrationPipeline.class.getName());
  /** How long the rest of an oversized body is read and dropped before the connection is closed. */
  private static final long LINGER_MILLIS = 1_000;
  private static final Pattern TRAILING_SLASHES = Pattern.compile("/+$");

  private final Vertx vertx;
  private final ListenerConfig listener;
  private final ClientCertificateGate tls;
  private final RequestContexts contexts;
  private final RegistrationChecks checks;
  private final OwnershipCheck ownership;
  private final OneRegistrationPerSoftware oneRegistration;
  private final UpstreamClient upstream;
  private final IdentityServerShape shape;
  /** The configured public base URL without trailing slashes, made once: it is in every registration's answer. */
  private final Optional<String> publicBaseUrl;
  private final List<PassThroughRoute> passThrough;
  private final RequestAudit audit;
  private final AuditHealth auditHealth;
  private final CertificateRateLimit rateLimit;
  private final UnreadableRequest unreadable;
  private final List<TokenRoute> routes;

  public RegistrationPipeline(Vertx vertx, ListenerConfig listener, ClientCertificateGate tls,
      CertificateRateLimit rateLimit, RequestContexts contexts, RegistrationChecks checks, OwnershipCheck ownership,
      OneRegistrationPerSoftware oneRegistration, UpstreamClient upstream, IdentityServerShape shape,
      Optional<URI> publicBaseUrl, List<PassThroughRoute> passThrough, AuditLog audit,
      Consumer<RequestAudit.Completed> completed) {
    this(vertx, listener, tls, rateLimit, contexts, checks, ownership, oneRegistration, upstream, shape, publicBaseUrl,
        passThrough, List.of(), audit, completed);
  }

  /** @param routes the routes of {@code registration.routes}, served before the listener's own */
  public RegistrationPipeline(Vertx vertx, ListenerConfig listener, ClientCertificateGate tls,
      CertificateRateLimit rateLimit, RequestContexts contexts, RegistrationChecks checks, OwnershipCheck ownership,
      OneRegistrationPerSoftware oneRegistration, UpstreamClient upstream, IdentityServerShape shape,
      Optional<URI> publicBaseUrl, List<PassThroughRoute> passThrough, List<TokenRoute> routes, AuditLog audit,
      Consumer<RequestAudit.Completed> completed) {
    this.routes = List.copyOf(routes);
    this.vertx = vertx;
    this.rateLimit = rateLimit;
    this.auditHealth = audit.health();
    this.listener = listener;
    this.tls = tls;
    this.contexts = contexts;
    this.checks = checks;
    this.ownership = ownership;
    this.oneRegistration = oneRegistration;
    this.upstream = upstream;
    this.shape = shape;
    this.publicBaseUrl = publicBaseUrl.map(url -> TRAILING_SLASHES.matcher(url.toString()).replaceAll(""));
    this.passThrough = List.copyOf(passThrough);
    this.audit = new RequestAudit(audit, completed);
    this.unreadable = new UnreadableRequest(listener.limits(), contexts, this.audit);
  }

  /**
   * For the listener's {@code invalidRequestHandler}: requests whose head Vert.x could not read
   * (400, 414, 431) never reach the router, and are answered, audited and counted here instead.
   */
  public Handler<HttpServerRequest> unreadableRequests() {
    return unreadable::answer;
  }

  public Router router() {
    Router router = Router.router(vertx);
    String path = listener.registrationPath();
    router.route().handler(this::begin);
    router.route().handler(this::verifyClient);
    router.route().handler(this::rateLimit);
    router.route().handler(this::requireAuditTrail);
    // Preallocated from Content-Length (bounded by the body limit): no regrowth and copy as it arrives.
    router.route().handler(BodyHandler.create(false).setBodyLimit(listener.maxBodyBytes())
        .setPreallocateBodyBuffer(true));
    Map<HttpMethod, Operation> management = Map.of(
        HttpMethod.GET, Operation.READ, HttpMethod.PUT, Operation.UPDATE, HttpMethod.DELETE, Operation.DELETE);
    // Before the listener's own /register/{client_id}: a route may sit below it (/register/mobile).
    for (TokenRoute route : routes) {
      router.post(route.path()).handler(ctx -> handleRoute(ctx, route, Operation.REGISTER, Optional.empty()));
      management.forEach((method, operation) -> router.route(method, route.path() + "/:clientId")
          .handler(ctx -> handleRoute(ctx, route, operation,
              Optional.of(ClientIdPath.validate(ctx.pathParam("clientId"))))));
    }
    router.post(path).handler(ctx -> handle(ctx, Operation.REGISTER, Optional.empty()));
    management.forEach((method, operation) -> router.route(method, path + "/:clientId")
        .handler(ctx -> handle(ctx, operation, Optional.of(ClientIdPath.validate(ctx.pathParam("clientId"))))));
    for (PassThroughRoute route : passThrough) {
      route.methods().forEach(method -> router.route(HttpMethod.valueOf(method), route.path())
          .handler(ctx -> passThrough(ctx, route)));
    }
    router.route().failureHandler(this::fail);
    // A bad percent-escape in the path fails route matching with 400 (issue 7: it was Vert.x's
    // plain-text 400); every status the router itself produces is answered here, as JSON.
    for (int status : new int[] {400, 404, 405, 413}) {
      router.errorHandler(status, ctx -> fail(ctx, clientError(ctx, status)));
    }
    router.errorHandler(500, this::fail);
    return router;
  }

  /** Correlation ids on every answer, and the audit record whatever happens next. */
  private void begin(RoutingContext ctx) {
    HttpConnection connection = ctx.request().connection();
    if (CondemnedConnections.isCondemned(connection)) {
      // Bytes behind a request framed two ways: no answer; the connection closes after the first one.
      vertx.runOnContext(v -> connection.close());
      return;
    }
    RequestContext context = contexts.of(ctx.request());
    ctx.put(RequestContext.class.getName(), context);
    String requestPath = ctx.request().path();
    routes.stream().filter(route -> requestPath != null && route.serves(requestPath)).findFirst()
        .ifPresent(route -> ctx.put(TokenRoute.class.getName(), route));
    HttpServerResponse response = ctx.response();
    response.putHeader(contexts.requestIdHeader(), context.requestId());
    if (ctx.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
      // RFC 9112 §6.1: a chunked request may also have carried a Content-Length (Netty drops
      // it), and bytes a client framed one way must not become a second, smuggled request on
      // this connection: answer, then close (issue 7).
      CondemnedConnections.condemn(connection);
      closeAfterResponse(ctx);
    }
    context.interactionId().ifPresent(id -> response.putHeader("x-fapi-interaction-id", id));
    audit.onEnd(ctx, context);
    RequestDeadline.start(vertx, ctx, listener.limits().requestTimeout(), this::expired);
    ctx.next();
  }

  /**
   * The deadline passed before the identity server was asked (the client trickled its body, or a
   * key or revocation fetch ran long): 408, and the connection closed, since its request may not
   * have been read to the end. Once forwarding started, the upstream client's own deadline answers.
   */
  private void expired(RoutingContext ctx) {
    if (ctx.response().ended() || ctx.response().headWritten() || RequestDeadline.of(ctx).forwarding()) {
      return;
    }
    ctx.response().putHeader("Connection", "close");
    fail(ctx, new GatewayException(408, ErrorCodes.REQUEST_TIMEOUT, "request.timeout",
        "the request was not completed within " + listener.limits().requestTimeout().toSeconds() + " s"));
  }

  /** Stage rate-limit: per verified certificate, before its body is read. */
  private void rateLimit(RoutingContext ctx) {
    VerifiedClient client = ctx.get(VerifiedClient.class.getName());
    Future<Void> admitted = client != null ? rateLimit.admit(client)
        : rateLimit.admitAddress(((RequestContext) ctx.get(RequestContext.class.getName())).remoteAddress());
    admitted.onComplete(done -> {
      if (done.failed()) {
        ctx.fail(done.cause());
        ctx.request().resume();
        return;
      }
      ctx.next();
    });
  }

  /**
   * No unaudited decision: while the audit trail cannot be written, nothing is forwarded. The
   * refusal itself goes to the log and waits for the file like every other record.
   */
  private void requireAuditTrail(RoutingContext ctx) {
    Optional<String> problem = auditHealth.problem();
    if (problem.isPresent()) {
      ctx.fail(new GatewayException(503, ErrorCodes.TEMPORARILY_UNAVAILABLE, "audit.unavailable",
          "the gateway cannot record decisions right now and makes none; retry later",
          Map.of("Retry-After", "30")));
      ctx.request().resume();
      return;
    }
    ctx.next();
  }

  /**
   * Stage tls. Asynchronous (revocation may ask an OCSP responder or fetch a CRL), so the body is
   * held back until the BodyHandler after it is ready to read it.
   */
  private void verifyClient(RoutingContext ctx) {
    TokenRoute route = ctx.get(TokenRoute.class.getName());
    if (route != null && !route.config().clientCertificate()) {
      // Mobile apps have no certificate; the route's initial access token authenticates instead.
      ctx.next();
      return;
    }
    ctx.request().pause();
    tls.verify(ctx.request().connection()).onComplete(done -> {
      if (done.failed()) {
        ctx.fail(done.cause());
        ctx.request().resume();
        return;
      }
      VerifiedClient client = done.result();
      ctx.put(VerifiedClient.class.getName(), client);
      audit.verified(ctx, client);
      ctx.next();
    });
  }

  private void handle(RoutingContext ctx, Operation operation, Optional<String> clientId) {
    if (ctx.response().ended()) {
      return; // answered already (the deadline passed while the body arrived)
    }
    VerifiedClient client = ctx.get(VerifiedClient.class.getName());
    RegistrationRequest request = new RegistrationRequest(
        ctx.request().method(),
        clientId,
        MultiMap.caseInsensitiveMultiMap().addAll(ctx.request().headers()),
        ctx.body().buffer() == null ? Buffer.buffer() : ctx.body().buffer(),
        ctx.get(RequestContext.class.getName()));
    Future<Void> owned = clientId.map(id -> ownership.verify(id, client)).orElse(Future.succeededFuture());
    owned.compose(v -> operation == Operation.REGISTER || operation == Operation.UPDATE
            ? checks.check(request, client, operation)
            : Future.succeededFuture(Forwarding.withoutBody()))
        .compose(forwarding -> {
          audit.reported(ctx, forwarding.reported());
          if (operation == Operation.REGISTER || operation == Operation.UPDATE) {
            audit.statement(ctx, checks.profileName(), forwarding.statement());
          }
          Future<Optional<Claim>> claimed = operation != Operation.REGISTER ? Future.succeededFuture(Optional.empty())
              : oneRegistration.claim(forwarding.statement(), client, request.context().requestId())
                  // Refused before forwarding: the statement was not used.
                  .recover(e -> checks.release(forwarding).transform(v -> Future.failedFuture(e)));
          return claimed.compose(claim -> forward(ctx, operation, request, Optional.of(client), forwarding, claim,
              Optional.empty()));
        })
        .onComplete(done -> settle(ctx, done));
  }

  /**
   * A route of {@code registration.routes}. Registration: initial access token (when required)
   * -> template or the route's profile -> one registration per token -> forward, without the
   * token (it is the gateway's to check; the identity server registers from the gateway as it
   * does for certificate registrations). Management: the route's profile on updates, and the
   * registration access token untouched for the identity server to check.
   */
  private void handleRoute(RoutingContext ctx, TokenRoute route, Operation operation, Optional<String> clientId) {
    if (ctx.response().ended()) {
      return;
    }
    Optional<VerifiedClient> client = Optional.ofNullable(ctx.get(VerifiedClient.class.getName()));
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(ctx.request().headers());
    boolean register = operation == Operation.REGISTER;
    Future<Optional<InitialAccessToken>> token = register && route.gate().isPresent()
        ? route.gate().get().authenticate(headers).map(Optional::of)
        : Future.succeededFuture(Optional.empty());
    if (register) {
      headers.remove("Authorization");
    }
    RegistrationRequest request = new RegistrationRequest(ctx.request().method(), clientId, headers,
        ctx.body().buffer() == null ? Buffer.buffer() : ctx.body().buffer(), ctx.get(RequestContext.class.getName()));
    token.compose(accepted -> {
          accepted.ifPresent(t -> audit.token(ctx, route.path(), t));
          return checkOnRoute(ctx, route, request, client, operation, accepted)
              .compose(forwarding -> claimToken(route, accepted, forwarding));
        })
        .compose(forwarding -> {
          audit.reported(ctx, forwarding.reported());
          if (register || operation == Operation.UPDATE) {
            audit.statement(ctx, route.checks().profileName(), forwarding.statement());
          }
          return forward(ctx, operation, request, client, forwarding, Optional.empty(), Optional.of(route));
        })
        .onComplete(done -> settle(ctx, done));
  }

  /** Stage template, or the route's profile; reads and deletes carry nothing to check. */
  private Future<Forwarding> checkOnRoute(RoutingContext ctx, TokenRoute route, RegistrationRequest request,
      Optional<VerifiedClient> client, Operation operation, Optional<InitialAccessToken> token) {
    if (operation != Operation.REGISTER && operation != Operation.UPDATE) {
      return Future.succeededFuture(Forwarding.withoutBody());
    }
    if (token.isPresent()) {
      try {
        Optional<String> template = templateOf(route, request, token.get());
        if (template.isPresent()) {
          audit.template(ctx, template.get());
          // Templatized DCR: the identity server's template decides; the request goes as it came.
          return Future.succeededFuture(new Forwarding(request.body(), Optional.of("application/json"),
              Optional.empty(), List.of(), List.of()));
        }
      } catch (GatewayException e) {
        return Future.failedFuture(e);
      }
    }
    return route.checks().check(request, client.orElse(null), operation);
  }

  private static Optional<String> templateOf(TokenRoute route, RegistrationRequest request, InitialAccessToken token) {
    RequestBody body = RequestBody.parse(Optional.ofNullable(request.headers().get("Content-Type")), request.body());
    return body instanceof RequestBody.Json json ? route.templates().templateOf(json.metadata(), token)
        : Optional.empty();
  }

  /** Last, once everything passed: the token's one registration, released if the identity server does not act. */
  private Future<Forwarding> claimToken(TokenRoute route, Optional<InitialAccessToken> token, Forwarding forwarding) {
    if (token.isEmpty()) {
      return Future.succeededFuture(forwarding);
    }
    return route.gate().orElseThrow().claimOnce(token.get())
        .recover(e -> route.checks().release(forwarding).transform(v -> Future.failedFuture(e)))
        .map(claimed -> {
          if (claimed.isEmpty()) {
            return forwarding;
          }
          List<io.dcrgateway.replay.Claimed> all = new java.util.ArrayList<>(forwarding.claimed());
          all.add(claimed.get());
          return new Forwarding(forwarding.body(), forwarding.contentType(), forwarding.statement(),
              forwarding.reported(), all);
        });
  }

  /** Stage forward, and what follows from the answer. */
  private Future<UpstreamResponse> forward(RoutingContext ctx, Operation operation, RegistrationRequest request,
      Optional<VerifiedClient> client, Forwarding forwarding, Optional<Claim> claim, Optional<TokenRoute> route) {
    IdentityServerShape.Shaped shaped = shape.shape(forwarding.body(), forwarding.contentType());
    // The identity server did not act: the TPP may present the same statement (and software) again.
    Supplier<Future<Void>> notActedOn = () -> checks.release(forwarding).eventually(() -> oneRegistration.abandoned(claim));
    if (!RequestDeadline.of(ctx).beginForwarding()) {
      // Answered 408 meanwhile: the identity server must not act on a request the TPP saw refused.
      return notActedOn.get().<UpstreamResponse>transform(v -> Future.failedFuture(timedOut()));
    }
    return timed(ctx, () -> upstream.forward(request, client, shaped.body(), forwarding.contentType(),
            RequestDeadline.of(ctx).remaining()))
        .recover(e -> notActedOn.get().transform(v -> Future.failedFuture(e)))
        .compose(answer -> answer.status() < 300 ? Future.succeededFuture(answer) : notActedOn.get().map(answer))
        .map(answer -> shape.complete(answer, shaped.withheld()))
        .compose(answer -> afterwards(ctx, operation, request, client, forwarding, claim, route, answer));
  }

  /** Verified certificate and certificate headers only: no registration rules apply here. */
  private void passThrough(RoutingContext ctx, PassThroughRoute route) {
    if (ctx.response().ended() || !RequestDeadline.of(ctx).beginForwarding()) {
      return;
    }
    VerifiedClient client = ctx.get(VerifiedClient.class.getName());
    RegistrationRequest request = new RegistrationRequest(ctx.request().method(), Optional.empty(),
        MultiMap.caseInsensitiveMultiMap().addAll(ctx.request().headers()),
        ctx.body().buffer() == null ? Buffer.buffer() : ctx.body().buffer(),
        ctx.get(RequestContext.class.getName()));
    timed(ctx, () -> upstream.passThrough(request, client, route.upstreamPath(), Optional.ofNullable(ctx.request().query()),
            RequestDeadline.of(ctx).remaining()))
        .onComplete(done -> settle(ctx, done));
  }

  /** The identity server's share of the request's time, for metrics. */
  private Future<UpstreamResponse> timed(RoutingContext ctx, Supplier<Future<UpstreamResponse>> send) {
    long start = System.nanoTime();
    return send.get().andThen(done -> audit.upstreamTime(ctx, System.nanoTime() - start));
  }

  /** One place answers: a failure in relaying must reach the failure handler, not hang the client. */
  private void settle(RoutingContext ctx, io.vertx.core.AsyncResult<UpstreamResponse> done) {
    if (ctx.response().ended()) {
      return;
    }
    if (done.failed()) {
      ctx.fail(done.cause());
      return;
    }
    try {
      relay(ctx, done.result());
    } catch (RuntimeException e) {
      ctx.fail(e);
    }
  }

  /** What the gateway learns from the answer: who owns a new client, which client is gone. */
  private Future<UpstreamResponse> afterwards(RoutingContext ctx, Operation operation, RegistrationRequest request,
      Optional<VerifiedClient> client, Forwarding forwarding, Optional<Claim> claim, Optional<TokenRoute> route,
      UpstreamResponse answer) {
    // Read once: the new client's id and the URI the TPP is given both come from it.
    Optional<JsonObject> json = RegistrationResponse.json(answer);
    Future<Void> learned = Future.succeededFuture();
    if (route.isPresent()) {
      // Management of a route's clients is authenticated by the identity server's registration
      // access token alone: the gateway records no owner, but the answer must still name the
      // gateway's URI, or management would bypass it.
      if (operation == Operation.REGISTER && answer.status() >= 200 && answer.status() < 300) {
        json.map(body -> body.getValue("client_id")).filter(String.class::isInstance)
            .ifPresent(id -> audit.clientIssued(ctx, (String) id));
      }
      return Future.succeededFuture(RegistrationResponse.withGatewayClientUri(answer, json,
          publicRegistrationUrl(ctx, route.get().path())));
    }
    if (operation == Operation.REGISTER && answer.status() >= 200 && answer.status() < 300) {
      Optional<String> newClient = json
          .flatMap(body -> Optional.ofNullable(body.getValue("client_id")))
          .filter(String.class::isInstance).map(String.class::cast);
      // Fail closed: an answer the gateway cannot read would reach the TPP with the identity
      // server's own registration_client_uri, and management would bypass the gateway.
      newClient.ifPresent(id -> audit.clientIssued(ctx, id));
      learned = newClient.map(id -> ownership.registered(id, forwarding.statement(), client.orElseThrow())
              .compose(v -> oneRegistration.registered(claim, id)))
          .orElse(Future.failedFuture(new GatewayException(502, ErrorCodes.BAD_GATEWAY,
              "upstream.registration-unreadable",
              "the identity server's registration answer has no readable client_id")));
    } else if (operation == Operation.DELETE && answer.status() == 204) {
      String deleted = request.clientId().orElseThrow();
      learned = ownership.deleted(deleted).compose(owner -> oneRegistration.deleted(owner, deleted));
    }
    return learned.map(v -> RegistrationResponse.withGatewayClientUri(answer, json,
        publicRegistrationUrl(ctx, listener.registrationPath())));
  }

  private String publicRegistrationUrl(RoutingContext ctx, String registrationPath) {
    // A Host header holds no path, so only the configured URL can end in slashes.
    return publicBaseUrl.orElseGet(() -> "https://" + ((RequestContext) ctx.get(RequestContext.class.getName())).host())
        + registrationPath;
  }

  private void relay(RoutingContext ctx, UpstreamResponse answer) {
    audit.forwarded(ctx, answer.status());
    HttpServerResponse response = ctx.response();
    // Our correlation headers (set in begin) win over any the identity server sent.
    MultiMap ours = MultiMap.caseInsensitiveMultiMap().addAll(response.headers());
    response.headers().addAll(answer.headers());
    ours.names().forEach(name -> response.headers().set(name, ours.getAll(name)));
    response.setStatusCode(answer.status());
    if (answer.statusMessage() != null && !answer.statusMessage().isEmpty()) {
      response.setStatusMessage(answer.statusMessage());
    }
    response.end(answer.body());
  }

  private void fail(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof GatewayException e) {
      fail(ctx, e);
      return;
    }
    if (ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      // Refused by Vert.x before any stage ran (e.g. a request-target "*" is a 404 there): the
      // client's fault, so a 4xx, never the 500 below (issue 7).
      fail(ctx, clientError(ctx, ctx.statusCode()));
      return;
    }
    RequestContext context = ctx.get(RequestContext.class.getName());
    LOG.log(Level.SEVERE, "unexpected failure, request " + (context == null ? "?" : context.requestId()), failure);
    fail(ctx, new GatewayException(500, ErrorCodes.SERVER_ERROR, "gateway.internal-error",
        "the gateway could not process the request; quote the request id when reporting it"));
  }

  private static GatewayException timedOut() {
    return new GatewayException(408, ErrorCodes.REQUEST_TIMEOUT, "request.timeout",
        "the request was not completed in time");
  }

  private GatewayException clientError(RoutingContext ctx, int status) {
    String path = listener.registrationPath();
    return switch (status) {
      case 404 -> new GatewayException(404, ErrorCodes.NOT_FOUND, "route.not-found",
          "no such endpoint; registration is at " + path);
      case 405 -> new GatewayException(405, ErrorCodes.METHOD_NOT_ALLOWED, "route.method-not-allowed",
          ctx.request().method() + " is not allowed here; use POST " + path + " or GET, PUT, DELETE " + path
              + "/{client_id}");
      case 413 -> new GatewayException(413, ErrorCodes.REQUEST_TOO_LARGE, "request.body-too-large",
          "request body exceeds " + listener.maxBodyBytes() + " bytes");
      default -> new GatewayException(400, ErrorCodes.INVALID_REQUEST, "request.malformed",
          "the request could not be read");
    };
  }

  private void fail(RoutingContext ctx, GatewayException e) {
    if (ctx.response().ended()) {
      return; // one answer per request; its audit record is written already
    }
    audit.rejected(ctx, e);
    if (e.status() == 413) {
      // The rest of an oversized body is not worth keeping (RFC 9110 §15.5.14): close, but only
      // after a moment of reading and dropping what the client still sends, so that it reads this
      // answer rather than a reset (a lingering close, as nginx does), and never drain megabytes.
      lingerThenClose(ctx);
    }
    ErrorResponder.write(ctx.response(), e);
  }

  private void lingerThenClose(RoutingContext ctx) {
    HttpServerResponse response = ctx.response();
    if (!response.headWritten()) {
      response.putHeader(HttpHeaders.CONNECTION, "close");
    }
    HttpServerRequest request = ctx.request();
    ctx.addEndHandler(done -> {
      if (!request.isEnded()) {
        request.handler(dropped -> { });
        request.resume();
      }
      vertx.setTimer(LINGER_MILLIS, id -> request.connection().close());
    });
  }

  private static void closeAfterResponse(RoutingContext ctx) {
    HttpServerResponse response = ctx.response();
    if (!response.headWritten()) {
      response.putHeader(HttpHeaders.CONNECTION, "close");
    }
    // addEndHandler, not response.endHandler: Vert.x Web's end handlers (the audit record) sit there.
    ctx.addEndHandler(done -> ctx.request().connection().close());
  }
}
