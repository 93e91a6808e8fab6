package io.dcrgateway.server;

import io.dcrgateway.config.DirectoryConfig;
import io.dcrgateway.config.GatewayConfig;
import io.dcrgateway.keys.CachedKeySet;
import io.dcrgateway.keys.KeySetCache;
import io.dcrgateway.keys.KeySetSource;
import io.dcrgateway.pipeline.RegistrationChecks;
import io.dcrgateway.replay.InMemoryReplayStore;
import io.dcrgateway.replay.ExpiredIdPurge;
import io.dcrgateway.statement.CachedSoftwareKeys;
import io.dcrgateway.statement.CachedVerificationKeys;
import io.dcrgateway.statement.SignedRequestVerifier;
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
 * until it can), TPP key cache, replay store and the chosen profile.
 */
final class Registration {

  private final List<CachedKeySet> directoryKeys;
  private final Map<String, CachedKeySet> keysByDirectory;
  private final InMemoryReplayStore replay;
  private final KeySetCache softwareKeys;
  private final ExpiredIdPurge purge;
  private final RegistrationChecks checks;

  private Registration(Map<String, CachedKeySet> keysByDirectory, InMemoryReplayStore replay,
      KeySetCache softwareKeys, ExpiredIdPurge purge, RegistrationChecks checks) {
    this.directoryKeys = List.copyOf(keysByDirectory.values());
    this.keysByDirectory = Collections.unmodifiableMap(keysByDirectory);
    this.replay = replay;
    this.softwareKeys = softwareKeys;
    this.purge = purge;
    this.checks = checks;
  }

  static Future<Registration> start(Vertx vertx, GatewayConfig config, Preflight preflight) {
    Clock clock = Clock.systemUTC();
    InMemoryReplayStore replay = new InMemoryReplayStore(clock);
    ExpiredIdPurge purge = ExpiredIdPurge.start(vertx, replay, ExpiredIdPurge.DEFAULT_INTERVAL);
    Map<String, CachedKeySet> keySets = new LinkedHashMap<>();
    List<TrustedDirectory> directories = new ArrayList<>();
    for (DirectoryConfig directory : config.registration().directories()) {
      CachedKeySet keys = CachedKeySet.create(vertx, source(directory.keys()));
      keySets.put(directory.name(), keys);
      directories.add(new TrustedDirectory(directory, new CachedVerificationKeys(keys)));
    }
    KeySetCache softwareKeys = KeySetCache.create(vertx);
    SoftwareStatementVerifier statements = new SoftwareStatementVerifier(directories, replay, clock);
    Duration skew = config.registration().directories().stream().map(DirectoryConfig::clockSkew)
        .max(Duration::compareTo).orElse(Duration.ofSeconds(60));
    SignedRequestVerifier signedRequests = new SignedRequestVerifier(statements,
        new CachedSoftwareKeys(softwareKeys), replay, config.registration().audience(), skew);
    RegistrationChecks checks = new RegistrationChecks(preflight.profile(config), statements, signedRequests,
        config.registration().signedRequests());
    Registration registration = new Registration(keySets, replay, softwareKeys, purge, checks);
    return Future.all(keySets.values().stream().map(CachedKeySet::start).toList())
        .map(v -> registration)
        .recover(e -> {
          registration.stop();
          return Future.failedFuture(e);
        });
  }

  RegistrationChecks checks() {
    return checks;
  }

  /** Directory name to its key set, in config order: for metrics. */
  Map<String, CachedKeySet> keysByDirectory() {
    return keysByDirectory;
  }

  InMemoryReplayStore replayStore() {
    return replay;
  }

  void stop() {
    purge.stop();
    directoryKeys.forEach(CachedKeySet::stop);
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
