package io.dcrgateway.revocation;

import io.dcrgateway.config.GatewayConfig;
import io.dcrgateway.config.TrustConfig;
import io.dcrgateway.config.TrustConfig.Revocation;
import io.dcrgateway.config.TrustConfig.Revocation.Mode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Test configs with revocation settings on the dev trust domain. */
final class RevocationConfigs {

  private RevocationConfigs() {
  }

  static Revocation ocspOnly(Mode mode, URI responder) {
    return new Revocation(mode, new Revocation.Ocsp(true, Optional.of(responder), Duration.ofSeconds(3), Duration.ofHours(24)),
        new Revocation.Crl(false, List.of(), false, Duration.ofSeconds(5)));
  }

  static Revocation crlOnly(Mode mode, List<Path> files) {
    return new Revocation(mode, new Revocation.Ocsp(false, Optional.empty(), Duration.ofSeconds(3), Duration.ofHours(24)),
        new Revocation.Crl(true, files, true, Duration.ofSeconds(5)));
  }

  static TrustConfig trust(GatewayConfig base, Revocation revocation) {
    TrustConfig.TrustDomain dev = base.trust().domains().get(0);
    return new TrustConfig(List.of(new TrustConfig.TrustDomain(dev.name(), dev.anchors(), dev.intermediates(), revocation)),
        base.trust().keyMinimums());
  }

  static GatewayConfig with(GatewayConfig c, Revocation revocation) {
    return new GatewayConfig(c.listener(), trust(c, revocation), c.upstream(), c.forwarding(), c.admin(), c.registration(),
        c.audit(), c.dev());
  }
}
