package io.dcrgateway.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcrgateway.config.UpstreamConfig;
import io.dcrgateway.config.UpstreamConfig.IdentityServer;
import io.dcrgateway.config.UpstreamConfig.PassThroughRoute;
import io.dcrgateway.config.UpstreamConfig.UpstreamTls;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What dev-stack refuses before starting anything, each with the one line that says how to fix it. */
class DevStackPreconditionsTest {

  private static final PassThroughRoute TOKEN_ROUTE =
      new PassThroughRoute("/token", KeycloakUpstream.TOKEN_PATH, List.of("POST"));

  @Test
  void findsTheTokenRouteOfTheShippedConfigShape() throws Exception {
    assertThat(KeycloakUpstream.of(upstream("http://127.0.0.1:8080", List.of(TOKEN_ROUTE)), 8080).tokenPath())
        .isEqualTo("/token");
  }

  @Test
  void refusesAnUpstreamThatIsNotTheKeycloakItStarts() {
    assertThatThrownBy(() -> KeycloakUpstream.of(upstream("http://127.0.0.1:8080", List.of(TOKEN_ROUTE)), 18080))
        .isInstanceOf(DevStackException.class)
        .hasMessageContaining("set UPSTREAM_BASE_URL=http://127.0.0.1:18080");
  }

  @Test
  void refusesAConfigWithoutTheTokenPassThrough() {
    assertThatThrownBy(() -> KeycloakUpstream.of(upstream("http://localhost:8080", List.of()), 8080))
        .isInstanceOf(DevStackException.class)
        .hasMessageContaining("upstream.pass-through routes no POST to " + KeycloakUpstream.TOKEN_PATH);
  }

  @Test
  void aMissingDistributionSaysHowToFetchIt(@TempDir Path empty) {
    assertThatThrownBy(() -> KeycloakDistribution.at(empty))
        .isInstanceOf(DevStackException.class)
        .hasMessageContaining("bin/kc.sh not found")
        .hasMessageContaining(KeycloakDistribution.FETCH_COMMAND);
  }

  private static UpstreamConfig upstream(String baseUrl, List<PassThroughRoute> routes) {
    return new UpstreamConfig(URI.create(baseUrl), KeycloakUpstream.REGISTRATION_PATH, UpstreamTls.DEFAULT,
        UpstreamConfig.DEFAULT_CONNECT_TIMEOUT, UpstreamConfig.DEFAULT_RESPONSE_TIMEOUT,
        UpstreamConfig.DEFAULT_POOL_SIZE, IdentityServer.of("keycloak"), routes);
  }
}
