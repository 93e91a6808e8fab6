package io.dcrgateway.devstack;

import io.dcrgateway.config.UpstreamConfig;
import io.dcrgateway.config.UpstreamConfig.PassThroughRoute;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * The config's upstream must be the Keycloak {@code dev-stack} starts: checked before anything
 * starts, so a mismatch is one line now rather than a 502 after a 30 s Keycloak start.
 *
 * @param tokenPath the gateway's pass-through path to the realm's token endpoint
 */
record KeycloakUpstream(String tokenPath) {

  static final String REGISTRATION_PATH = "/realms/" + KeycloakProcess.REALM + "/clients-registrations/openid-connect";
  static final String TOKEN_PATH = "/realms/" + KeycloakProcess.REALM + "/protocol/openid-connect/token";
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost");

  static KeycloakUpstream of(UpstreamConfig upstream, int keycloakPort) throws DevStackException {
    URI base = upstream.baseUrl();
    String expected = "http://127.0.0.1:" + keycloakPort;
    boolean same = "http".equals(base.getScheme()) && base.getHost() != null
        && LOOPBACK.contains(base.getHost().toLowerCase(Locale.ROOT))
        && base.getPort() == keycloakPort && (base.getPath() == null || base.getPath().isEmpty());
    if (!same) {
      throw new DevStackException("upstream.base-url is " + base + " but dev-stack starts Keycloak at " + expected
          + ": set UPSTREAM_BASE_URL=" + expected + " (or pass --keycloak-port with the port of the base URL)");
    }
    if (!REGISTRATION_PATH.equals(upstream.registrationPath())) {
      throw new DevStackException("upstream.registration-path is " + upstream.registrationPath()
          + " but the dev realm's registration endpoint is " + REGISTRATION_PATH);
    }
    return upstream.passThrough().stream()
        .filter(route -> TOKEN_PATH.equals(route.upstreamPath()) && route.methods().contains("POST"))
        .map(PassThroughRoute::path)
        .findFirst()
        .map(KeycloakUpstream::new)
        .orElseThrow(() -> new DevStackException("upstream.pass-through routes no POST to " + TOKEN_PATH
            + ": add {path: /token, upstream-path: " + TOKEN_PATH + "} as the shipped conf/gateway.yaml has"));
  }
}
