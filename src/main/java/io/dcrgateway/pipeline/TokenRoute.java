package io.dcrgateway.pipeline;

import io.dcrgateway.config.RouteConfig;
import io.dcrgateway.token.InitialAccessTokenGate;
import io.dcrgateway.token.SoftwareIdTemplates;
import java.util.Optional;

/**
 * A registration route of {@code registration.routes}, ready to serve: its profile's checks, the
 * initial access token it requires (if any) and the templates tokens may register from.
 */
public record TokenRoute(RouteConfig config, RegistrationChecks checks, Optional<InitialAccessTokenGate> gate,
    SoftwareIdTemplates templates) {

  public String path() {
    return config.path();
  }

  /** Whether {@code path} is this route's registration endpoint or one of its clients'. */
  boolean serves(String path) {
    String base = config.path();
    return path.equals(base)
        || path.startsWith(base + "/") && path.length() > base.length() + 1 && path.indexOf('/', base.length() + 1) < 0;
  }
}
