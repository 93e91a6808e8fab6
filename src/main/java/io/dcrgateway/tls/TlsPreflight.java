package io.dcrgateway.tls;

import io.dcrgateway.config.ConfigProblem;
import io.dcrgateway.config.SetupException;
import io.dcrgateway.config.GatewayConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything TLS the gateway needs, loaded and checked before it listens: trust anchors and
 * intermediates parse and are CA certificates, the server certificate and key parse and match,
 * the TLS engine loads on this platform.
 * Used by {@code run} and {@code check-config}, so both report the same problems.
 */
public final class TlsPreflight {

  private TlsPreflight() {
  }

  public static TrustMaterial load(GatewayConfig config) throws SetupException {
    List<ConfigProblem> problems = new ArrayList<>();
    TrustMaterial trust = null;
    try {
      trust = TrustMaterial.load(config.trust());
    } catch (SetupException e) {
      problems.addAll(e.problems());
    }
    problems.addAll(ServerIdentity.problems(config.listener().tls(), Instant.now()));
    ServerTls.unavailability(config.listener().tls().engine())
        .ifPresent(why -> problems.add(new ConfigProblem("listener.tls.engine", why)));
    if (!problems.isEmpty()) {
      throw new SetupException(problems);
    }
    return trust;
  }
}
