package io.dcrgateway.config;

import static io.dcrgateway.config.ConfigFixture.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rules that involve more than one key. */
class CrossSectionRulesTest {

  @TempDir
  Path dir;

  @ParameterizedTest(name = "listener {0}, admin {1}")
  @CsvSource({
      "0.0.0.0, 127.0.0.1",
      "127.0.0.1, 127.0.0.1",
      "10.0.0.5, 0.0.0.0",
      "localhost, 127.0.0.1",
      "::, ::1"})
  void adminPortMustDifferFromListenerPortWhenHostsOverlap(String listenerHost, String adminHost) {
    assertThat(ConfigFixture.minimal(dir)
        .with("listener.host", listenerHost).with("listener.port", "8443")
        .with("admin.host", adminHost).with("admin.port", "8443")
        .problems())
        .containsExactly(problem("admin.port", "must differ from listener.port (8443) because admin.host "
            + adminHost + " and listener.host " + listenerHost + " overlap"));
  }

  @Test
  void adminPortMayEqualListenerPortOnSeparateHosts() {
    GatewayConfig config = ConfigFixture.minimal(dir)
        .with("listener.host", "10.0.0.5").with("admin.host", "127.0.0.1").with("admin.port", "8443")
        .load();

    assertThat(config.admin().port()).isEqualTo(config.listener().port());
  }

  @Test
  void disabledAdminListenerClaimsNoPort() {
    GatewayConfig config = ConfigFixture.minimal(dir).with("admin.enabled", "false").with("admin.port", "8443").load();

    assertThat(config.admin().enabled()).isFalse();
  }

  @Test
  void upstreamTlsOnPlainHttpIsAProblem() {
    ConfigFixture fixture = ConfigFixture.minimal(dir).with("upstream.tls", Map.of("verify-host", "false"));

    assertThat(fixture.problems()).containsExactly(problem("upstream.tls",
        "only applies to an https base-url, but upstream.base-url is http://127.0.0.1:8080"));
  }

  @Test
  void upstreamTlsIsReadForHttps() {
    GatewayConfig config = ConfigFixture.minimal(dir)
        .with("upstream.base-url", "https://is.example")
        .with("upstream.tls", Map.of(
            "trust-anchors", List.of("anchors.pem"),
            "verify-host", "false",
            "client-certificate", Map.of("certificate", "server-chain.pem", "key", "server.key")))
        .load();

    assertThat(config.upstream().tls()).isEqualTo(new UpstreamConfig.UpstreamTls(
        List.of(dir.resolve("anchors.pem")),
        Optional.of(new UpstreamConfig.ClientCertificate(dir.resolve("server-chain.pem"), dir.resolve("server.key"))),
        false));
  }

  @Test
  void clientCertificateNeedsBothFiles() {
    assertThat(ConfigFixture.minimal(dir)
        .with("upstream.base-url", "https://is.example")
        .with("upstream.tls", Map.of("client-certificate", Map.of("certificate", "server-chain.pem")))
        .problems())
        .containsExactly(problem("upstream.tls.client-certificate.key", "is required (PEM file with its PKCS#8 private key)"));
  }

  @Test
  void passThroughRoutesAreReadWithPostAsTheDefaultMethod() {
    GatewayConfig config = ConfigFixture.minimal(dir).with("upstream.pass-through", List.of(
        Map.of("path", "/token", "upstream-path", "/realms/dcr/protocol/openid-connect/token"),
        Map.of("path", "/par", "upstream-path", "/realms/dcr/protocol/openid-connect/ext/par/request",
            "methods", List.of("post", "GET")))).load();

    assertThat(config.upstream().passThrough()).containsExactly(
        new UpstreamConfig.PassThroughRoute("/token", "/realms/dcr/protocol/openid-connect/token", List.of("POST")),
        new UpstreamConfig.PassThroughRoute("/par", "/realms/dcr/protocol/openid-connect/ext/par/request",
            List.of("POST", "GET")));
  }

  @Test
  void registrationCannotBePassedThroughAroundTheRules() {
    assertThat(ConfigFixture.minimal(dir).with("upstream.pass-through", List.of(
        Map.of("path", "/register/x", "upstream-path", "/anything"))).problems())
        .containsExactly(problem("upstream.pass-through[0].path", "must not be the registration path /register"
            + " or below it: registrations are checked, never passed through"));
  }

  @Test
  void upstreamKindGivesTheFieldsTheIdentityServerRejects() {
    assertThat(ConfigFixture.minimal(dir).with("upstream.kind", "keycloak").load().upstream().identityServer())
        .satisfies(keycloak -> {
          assertThat(keycloak.removeFields()).contains("software_statement", "webhook_uris");
          assertThat(keycloak.clientAddressOnRegistration()).isFalse();
        });
    assertThat(ConfigFixture.minimal(dir).with("upstream.kind", "keycloak")
        .with("upstream.remove-fields", List.of("software_statement", "software_id")).load().upstream()
        .identityServer().removeFields()).containsExactly("software_statement", "software_id");
    assertThat(ConfigFixture.minimal(dir).with("upstream.kind", "kecloak").problems())
        .singleElement().satisfies(p -> assertThat(p.key()).isEqualTo("upstream.kind"));
  }

  @Test
  void anAuditFileNeedNotExistYet() {
    GatewayConfig config = ConfigFixture.minimal(dir).with("audit.file", "logs/audit.log")
        .with("audit.max-file-size", "1MiB").load();

    assertThat(config.audit().file()).contains(dir.resolve("logs/audit.log"));
    assertThat(config.audit().maxFileBytes()).isEqualTo(1024 * 1024);
  }
}
