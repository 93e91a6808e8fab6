package io.dcrgateway.server;

import io.dcrgateway.config.DirectoryConfig;
import io.dcrgateway.config.GatewayConfig;
import io.dcrgateway.fetch.FetchPolicy;
import io.dcrgateway.keys.CachedKeySet;
import io.dcrgateway.keys.KeySetCache;
import io.dcrgateway.keys.KeySetSource;
import io.dcrgateway.config.RouteConfig;
import io.dcrgateway.pipeline.RegistrationChecks;
import io.dcrgateway.pipeline.TokenRoute;
import io.dcrgateway.token.InitialAccessTokenGate;
import io.dcrgateway.token.SoftwareIdTemplates;
import io.dcrgateway.token.TokenObserver;
import java.util.Optional;
import io.dcrgateway.replay.ReplayStore;
import io.dcrgateway.statement.CachedSoftwareKeys;
import io.dcrgateway.statement.CachedVerificationKeys;
import io.dcrgateway.statement.SignedRequestVerifier;
import io.dcrgateway.statement.StatementObserver;
import io.dcrgateway.statement.SoftwareStatementVerifier;
import io.dcrgateway.statement.TrustedDirectory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statement and rule stages, built from config: directory key sets (loaded before the
 * gateway listens; a directory that cannot be reached yet leaves its statements answered 503
 * until it can), TPP key cache and the chosen profile. The replay store is the gateway's, not
 * the config's: a reload must not forget which statements were already used.
 */
final class Registration {

  private final List<CachedKeySet> directoryKeys;
  private final Map<String, CachedKeySet> keysByDirectory;
  private final KeySetCache softwareKeys;
  private final RegistrationChecks checks;
  private final List<TokenRoute> routes;

  private Registration(Map<String, CachedKeySet> keysByDirectory, KeySetCache softwareKeys, RegistrationChecks checks,
      List<TokenRoute> routes) {
    this.routes = List.copyOf(routes);
    this.directoryKeys = List.copyOf(keysByDirectory.values());
    this.keysByDirectory = Collections.unmodifiableMap(keysByDirectory);
    this.softwareKeys = softwareKeys;
    this.checks = checks;
  }

  /** @param statements told every software statement result by directory (metrics) */
  static Future<Registration> start(Vertx vertx, GatewayConfig config, Preflight preflight, ReplayStore replay,
      StatementObserver statements) {
    return start(vertx, config, preflight, replay, statements, TokenObserver.NONE);
  }

  /** @param tokens told every initial access token result by route (metrics) */
  static Future<Registration> start(Vertx vertx, GatewayConfig config, Preflight preflight, ReplayStore replay,
      StatementObserver statements, TokenObserver tokens) {
    Clock clock = Clock.systemUTC();
    Map<String, CachedKeySet> keySets = new LinkedHashMap<>();
    List<TrustedDirectory> directories = new ArrayList<>();
    for (DirectoryConfig directory : config.registration().directories()) {
      CachedKeySet keys = CachedKeySet.create(vertx, source(directory.keys()));
      keySets.put(directory.name(), keys);
      directories.add(new TrustedDirectory(directory, new CachedVerificationKeys(keys)));
    }
    // The TPP's JWKS URL comes from its statement: vetted against the fetch policy (SSRF).
    FetchPolicy jwksEndpoints = new FetchPolicy(vertx, config.fetch(), FetchPolicy.Schemes.HTTPS_ONLY,
        "the software statement's JWKS endpoint");
    KeySetCache softwareKeys = KeySetCache.create(vertx, jwksEndpoints);
    SoftwareStatementVerifier verifier = new SoftwareStatementVerifier(directories, replay, clock, statements,
        preflight.crypto().awsLc());
    Duration skew = config.registration().directories().stream().map(DirectoryConfig::clockSkew)
        .max(Duration::compareTo).orElse(Duration.ofSeconds(60));
    SignedRequestVerifier signedRequests = new SignedRequestVerifier(verifier,
        new CachedSoftwareKeys(softwareKeys, jwksEndpoints), replay, config.registration().audience(), skew);
    RegistrationChecks checks = new RegistrationChecks(preflight.profile(config), verifier, signedRequests,
        config.registration().signedRequests());
    List<TokenRoute> routes = new ArrayList<>();
    for (RouteConfig route : config.registration().routes()) {
      Optional<InitialAccessTokenGate> gate = route.initialAccessToken()
          .map(token -> InitialAccessTokenGate.create(vertx, route.path(), token, replay, tokens, clock));
      routes.add(new TokenRoute(route, checks.withProfile(preflight.profiles().get(route.profile())), gate,
          new SoftwareIdTemplates(route.initialAccessToken().map(t -> t.templates()).orElse(List.of()))));
    }
    Registration registration = new Registration(keySets, softwareKeys, checks, routes);
    List<Future<Void>> starting = new ArrayList<>(keySets.values().stream().map(CachedKeySet::start).toList());
    routes.forEach(route -> route.gate().ifPresent(gate -> starting.add(gate.start())));
    return Future.all(starting)
        .map(v -> registration)
        .recover(e -> {
          registration.stop();
          return Future.failedFuture(e);
        });
  }

  RegistrationChecks checks() {
    return checks;
  }

  List<TokenRoute> routes() {
    return routes;
  }

  /** Directory name to its key set, in config order: for metrics. */
  Map<String, CachedKeySet> keysByDirectory() {
    return keysByDirectory;
  }

  /**
   * Route path to the identity server's key set its JWT initial access tokens are verified with,
   * in config order: for readiness and metrics. Routes validating by introspection have none.
   */
  Map<String, CachedKeySet> keysByTokenRoute() {
    Map<String, CachedKeySet> keys = new LinkedHashMap<>();
    routes.forEach(route -> route.gate().flatMap(InitialAccessTokenGate::keys)
        .ifPresent(set -> keys.put(route.path(), set)));
    return Collections.unmodifiableMap(keys);
  }

  void stop() {
    directoryKeys.forEach(CachedKeySet::stop);
    routes.forEach(route -> route.gate().ifPresent(InitialAccessTokenGate::stop));
    softwareKeys.close();
  }

  private static KeySetSource source(DirectoryConfig.DirectoryKeys keys) {
    KeySetSource base = keys.url().map(KeySetSource::url)
        .orElseGet(() -> KeySetSource.file(keys.file().orElseThrow()));
    return base.withRefreshInterval(keys.refreshInterval())
        .withMaxStaleness(keys.maxStaleness())
        .withMinRefreshGap(keys.minRefreshGap())
        .withFetchTimeout(keys.fetchTimeout());
  }
}
