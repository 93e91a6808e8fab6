package io.dcrgateway.revocation;

import io.dcrgateway.config.GatewayConfig;
import io.dcrgateway.config.TrustConfig;
import io.dcrgateway.config.TrustConfig.Revocation;
import io.dcrgateway.config.TrustConfig.Revocation.Mode;
import io.dcrgateway.testkit.TestConfigs;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Test configs with revocation settings on the dev trust domain. */
final class RevocationConfigs {

  /**
   * Generous: a responder that answers must never lose a race with the timeout on a loaded CI
   * machine (a stalled event loop fires the deadline timer first). A responder that is down is
   * refused at once, so no test waits this long.
   */
  static final Duration RESPONDER_TIMEOUT = Duration.ofSeconds(20);

  /** How long a test waits for a check: past any timeout the checker applies. */
  static final long AWAIT_SECONDS = 60;

  private RevocationConfigs() {
  }

  static Revocation ocspOnly(Mode mode, URI responder) {
    return new Revocation(mode, new Revocation.Ocsp(true, Optional.of(responder), RESPONDER_TIMEOUT, Duration.ofHours(24)),
        new Revocation.Crl(false, List.of(), false, RESPONDER_TIMEOUT));
  }

  static Revocation crlOnly(Mode mode, List<Path> files) {
    return new Revocation(mode, new Revocation.Ocsp(false, Optional.empty(), RESPONDER_TIMEOUT, Duration.ofHours(24)),
        new Revocation.Crl(true, files, true, RESPONDER_TIMEOUT));
  }

  static TrustConfig trust(GatewayConfig base, Revocation revocation) {
    TrustConfig.TrustDomain dev = base.trust().domains().get(0);
    return new TrustConfig(List.of(new TrustConfig.TrustDomain(dev.name(), dev.anchors(), dev.intermediates(), revocation)),
        base.trust().keyMinimums());
  }

  /** Responders and CRLs in these tests are on 127.0.0.1, which the fetch policy must be told to allow. */
  static GatewayConfig with(GatewayConfig c, Revocation revocation) {
    return new GatewayConfig(c.listener(), trust(c, revocation), c.upstream(), c.forwarding(), c.admin(), c.registration(),
        c.audit(), c.reload(), c.state(), TestConfigs.LOOPBACK_FETCH, c.crypto(), c.dev());
  }
}
