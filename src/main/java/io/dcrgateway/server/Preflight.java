package io.dcrgateway.server;

import io.dcrgateway.config.ConfigProblem;
import io.dcrgateway.config.GatewayConfig;
import io.dcrgateway.config.SetupException;
import io.dcrgateway.crypto.PublicKeyCrypto;
import io.dcrgateway.policy.Profile;
import io.dcrgateway.policy.Profiles;
import io.dcrgateway.tls.TlsPreflight;
import io.dcrgateway.tls.TrustMaterial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything a valid config file names, loaded and checked before any port is bound: TLS
 * material, the rule profiles and the public-key crypto library. {@code run} and
 * {@code check-config} both go through here, so they report the same problems.
 */
public record Preflight(TrustMaterial trust, Map<String, Profile> profiles, PublicKeyCrypto crypto) {

  public static Preflight of(GatewayConfig config) throws SetupException {
    List<ConfigProblem> problems = new ArrayList<>();
    TrustMaterial trust = null;
    Map<String, Profile> profiles = Map.of();
    try {
      trust = TlsPreflight.load(config);
    } catch (SetupException e) {
      problems.addAll(e.problems());
    }
    try {
      profiles = Profiles.build(config.registration());
    } catch (SetupException e) {
      problems.addAll(e.problems());
    }
    PublicKeyCrypto crypto = PublicKeyCrypto.BUILT_IN;
    try {
      crypto = PublicKeyCrypto.select(config.crypto().provider());
    } catch (SetupException e) {
      problems.addAll(e.problems());
    }
    if (!problems.isEmpty()) {
      throw new SetupException(problems);
    }
    return new Preflight(trust, profiles, crypto);
  }

  /** The same, with the crypto library a running gateway chose at start-up (restart-only). */
  public Preflight withCrypto(PublicKeyCrypto running) {
    return new Preflight(trust, profiles, running);
  }

  public Profile profile(GatewayConfig config) {
    return profiles.get(config.registration().profile());
  }
}
