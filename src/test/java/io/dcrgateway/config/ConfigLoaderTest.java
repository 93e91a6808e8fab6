package io.dcrgateway.config;

import static io.dcrgateway.config.ConfigFixture.problem;
import static io.dcrgateway.config.ConfigFixture.problemsOf;
import static io.dcrgateway.config.ConfigFixture.writeYaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcrgateway.config.ForwardingConfig.CertificateHeader;
import io.dcrgateway.config.ForwardingConfig.CertificateHeaderFormat;
import io.dcrgateway.config.ListenerConfig.ClientAuthMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The document as a whole: the shipped file, defaults, one-pass reporting, YAML strictness. */
class ConfigLoaderTest {

  @TempDir
  Path dir;

  @Test
  void shippedConfigLoads() {
    // Maven runs tests from the project directory; the dev PKI may not be generated yet.
    Path shipped = Path.of("conf/gateway.yaml");
    Path certs = shipped.toAbsolutePath().normalize().getParent().resolveSibling("certs");

    GatewayConfig config = ConfigLoader.load(shipped, name -> null);

    assertThat(config.listener().port()).isEqualTo(8443);
    assertThat(config.listener().host()).isEqualTo("0.0.0.0");
    assertThat(config.listener().registrationPath()).isEqualTo("/register");
    assertThat(config.listener().tls().certificate()).isEqualTo(certs.resolve("server/server-chain.pem"));
    assertThat(config.listener().tls().key()).isEqualTo(certs.resolve("server/server.key"));
    assertThat(config.trust().domains()).singleElement().satisfies(domain -> {
      assertThat(domain.name()).isEqualTo("dev");
      assertThat(domain.anchors()).containsExactly(certs.resolve("ca/tpp-trust-bundle.pem"));
      assertThat(domain.intermediates()).containsExactly(certs.resolve("ca/tpp-intermediates.pem"));
    });
    assertThat(config.upstream().baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8080"));
    assertThat(config.forwarding().certificateHeaders())
        .containsExactly(new CertificateHeader(CertificateHeaderFormat.RFC9440, "Client-Cert", true));
    assertThat(config.registration().profile()).isEqualTo("open-finance-brasil");
    assertThat(config.registration().directories()).singleElement().satisfies(directory -> {
      assertThat(directory.name()).isEqualTo("dev-directory");
      assertThat(directory.issuer()).isEqualTo("Open Banking Open Banking Brasil sandbox SSA issuer");
      assertThat(directory.claims()).isEqualTo(DirectoryConfig.ClaimNames.OPEN_FINANCE_BRASIL);
      assertThat(directory.keys().file()).contains(certs.resolve("directory/jwks.json"));
      assertThat(directory.keys().url()).isEmpty();
    });
    assertThat(config.registration().profiles()).isEmpty();
    assertThat(config.dev()).contains(new DevConfig(certs));
  }

  @Test
  void shippedConfigTakesPortsAndUpstreamFromTheEnvironment() {
    Map<String, String> env = Map.of(
        "GATEWAY_PORT", "9443", "ADMIN_PORT", "9191", "UPSTREAM_BASE_URL", "https://is.example:8443");

    GatewayConfig config = ConfigLoader.load(Path.of("conf/gateway.yaml"), env::get);

    assertThat(config.listener().port()).isEqualTo(9443);
    assertThat(config.admin().port()).isEqualTo(9191);
    assertThat(config.upstream().baseUrl()).isEqualTo(URI.create("https://is.example:8443"));
  }

  @Test
  void shippedConfigSpellsOutEveryDefault() {
    GatewayConfig shipped = ConfigLoader.load(Path.of("conf/gateway.yaml"), name -> null);
    GatewayConfig minimal = ConfigFixture.minimal(dir).load();

    // The reference file documents defaults; it must not quietly differ from them.
    assertThat(shipped.listener().tls().protocols()).isEqualTo(minimal.listener().tls().protocols());
    assertThat(shipped.listener().tls().cipherSuites()).isEqualTo(minimal.listener().tls().cipherSuites());
    assertThat(shipped.listener().maxBodyBytes()).isEqualTo(minimal.listener().maxBodyBytes());
    assertThat(shipped.trust().keyMinimums()).isEqualTo(minimal.trust().keyMinimums());
    assertThat(shipped.upstream().poolSize()).isEqualTo(minimal.upstream().poolSize());
    assertThat(shipped.upstream().keepAliveTimeout()).isEqualTo(minimal.upstream().keepAliveTimeout());
    assertThat(shipped.forwarding()).isEqualTo(minimal.forwarding());
    assertThat(shipped.admin()).isEqualTo(minimal.admin());
    assertThat(shipped.registration().publicBaseUrl()).isEqualTo(minimal.registration().publicBaseUrl());
    assertThat(shipped.registration().signedRequests()).isEqualTo(minimal.registration().signedRequests());
    DirectoryConfig directory = shipped.registration().directories().get(0);
    DirectoryConfig defaults = ConfigFixture.minimal(dir).file("jwks.json")
        .with("registration.directories", List.of(Map.of(
            "name", directory.name(), "issuer", directory.issuer(), "jwks-file", "jwks.json")))
        .load().registration().directories().get(0);
    assertThat(directory).usingRecursiveComparison().ignoringFields("keys.file").isEqualTo(defaults);
  }

  @Test
  void defaultsAreTheSafeOnes() {
    GatewayConfig config = ConfigFixture.minimal(dir).load();

    ListenerConfig listener = config.listener();
    assertThat(listener.host()).isEqualTo("0.0.0.0");
    assertThat(listener.port()).isEqualTo(8443);
    assertThat(listener.registrationPath()).isEqualTo("/register");
    assertThat(listener.maxBodyBytes()).isEqualTo(64 * 1024);
    assertThat(listener.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(listener.tls().protocols()).containsExactly("TLSv1.3", "TLSv1.2");
    assertThat(listener.tls().cipherSuites()).containsExactly(
        "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
    assertThat(listener.tls().clientAuth()).isEqualTo(ClientAuthMode.REQUEST);
    assertThat(listener.tls().handshakeTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.trust().keyMinimums()).isEqualTo(new TrustConfig.KeyMinimums(2048, 256));
    assertThat(config.trust().domains()).singleElement()
        .satisfies(domain -> assertThat(domain.intermediates()).isEmpty());
    assertThat(config.upstream().connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.upstream().responseTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.upstream().poolSize()).isEqualTo(32);
    assertThat(config.upstream().keepAliveTimeout()).isEqualTo(Duration.ofSeconds(4));
    assertThat(config.upstream().tls()).isEqualTo(new UpstreamConfig.UpstreamTls(List.of(), Optional.empty(), true));
    assertThat(config.forwarding().certificateHeaders())
        .containsExactly(new CertificateHeader(CertificateHeaderFormat.RFC9440, "Client-Cert", true));
    assertThat(config.forwarding().stripHeaders()).isEmpty();
    assertThat(config.forwarding().requestIdHeader()).isEqualTo("X-Request-Id");
    assertThat(config.admin()).isEqualTo(new AdminConfig(true, "127.0.0.1", 9090));
    assertThat(config.dev()).isEmpty();
  }

  @Test
  void everyDefaultCipherSuiteIsAeadWithForwardSecrecyAndSupportedHere() {
    CipherSuitePolicy policy = CipherSuitePolicy.ofThisJvm();

    assertThat(ListenerConfig.ServerTlsConfig.DEFAULT_CIPHER_SUITES)
        .allSatisfy(suite -> assertThat(policy.rejection(suite)).isEmpty());
  }

  @Test
  void reportsEveryProblemInOnePass() {
    Path file = writeYaml(dir, """
        listener:
          port: 84x3
          prot: 8443
          tls:
            certificate: missing/server.pem
            protocols: [TLSv1.3, TLSv1.1]
        trust:
          domains:
            - name: Dev
        upstream:
          base-url: localhost:8080
          registration-path: ${IS_PATH}
        admin:
          enabled: yes
        """);

    assertThat(problemsOf(file)).containsExactly(
        problem("listener.prot", "unknown key (did you mean 'port'?)"),
        problem("listener.port", "must be an integer between 1 and 65535, got \"84x3\""),
        problem("listener.tls.key", "is required (PEM file with the server's PKCS#8 private key)"),
        problem("listener.tls.protocols[1]",
            "must be TLSv1.3 or TLSv1.2 (RFC 8996 retired TLS 1.0 and 1.1), got \"TLSv1.1\""),
        problem("trust.domains[0].name",
            "must be lower-case letters, digits and - only (it labels audit records and metrics), got \"Dev\""),
        problem("trust.domains[0].anchors", "is required (PEM files of the CA certificates this domain trusts)"),
        problem("upstream.base-url", "must be an absolute http or https URL, got \"localhost:8080\""),
        problem("upstream.registration-path",
            "environment variable IS_PATH is not set and has no default (write ${IS_PATH:value} to give one)"),
        problem("admin.enabled", "must be true or false, got \"yes\""),
        problem("listener.tls.certificate", "file not found: " + dir.resolve("missing/server.pem")));
  }

  @Test
  void vertxPerRequestHttpMetersAreOffUnlessTheOperatorAsks() {
    assertThat(ConfigLoader.load(ConfigFixture.minimal(dir).write(), name -> null).admin().vertxHttpMetrics()).isFalse();
    Path asked = ConfigFixture.minimal(dir).with("admin.vertx-http-metrics", "true").write();
    assertThat(ConfigLoader.load(asked, name -> null).admin().vertxHttpMetrics()).isTrue();
    assertThat(ConfigFixture.minimal(dir).with("admin.vertx-http-metrics", "sometimes").problems())
        .containsExactly(problem("admin.vertx-http-metrics", "must be true or false, got \"sometimes\""));
  }

  @Test
  void exceptionMessageListsTheFileAndEveryProblem() {
    Path file = ConfigFixture.minimal(dir).with("listener.port", "0").with("admin.port", "x").write();

    assertThatThrownBy(() -> ConfigLoader.load(file, name -> null))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + ": 2 problems\n"
            + "  listener.port: must be an integer between 1 and 65535, got \"0\"\n"
            + "  admin.port: must be an integer between 1 and 65535, got \"x\"");
  }

  @Test
  void missingSectionsReportTheirRequiredKeysOneByOne() {
    Path file = writeYaml(dir, "admin:\n  enabled: false\n");

    assertThat(problemsOf(file)).containsExactly(
        problem("listener.tls.certificate", "is required (PEM file with the server certificate and its chain)"),
        problem("listener.tls.key", "is required (PEM file with the server's PKCS#8 private key)"),
        problem("trust.domains", "is required (at least one trust domain: a name and its anchors)"),
        problem("upstream.base-url", "is required (the identity server's URL, e.g. http://127.0.0.1:8080)"),
        problem("upstream.registration-path", "is required (the identity server's registration endpoint path,"
            + " e.g. /realms/dcr/clients-registrations/openid-connect)"));
  }

  @Test
  void duplicateKeysAreRejected() {
    ConfigFixture.minimal(dir);
    Path file = writeYaml(dir, """
        listener:
          port: 8443
          port: 9443
          tls: {certificate: server-chain.pem, key: server.key}
        trust:
          domains: [{name: dev, anchors: [anchors.pem]}]
        upstream:
          base-url: http://127.0.0.1:8080
          registration-path: /register
        admin: {host: 127.0.0.1, host: 0.0.0.0, port: 0}
        """);

    assertThat(problemsOf(file)).containsExactly(
        problem("listener.port", "duplicate key at line 3, column 3 (first at line 2, column 3);"
            + " a key may appear only once per mapping"),
        problem("admin.host", "duplicate key at line 10, column 26 (first at line 10, column 9);"
            + " a key may appear only once per mapping"),
        // Reading goes on after duplicates, so unrelated problems still surface in the same pass.
        problem("admin.port", "must be an integer between 1 and 65535, got \"0\""));
  }

  @Test
  void syntaxErrorIsReportedWithLineAndColumn() {
    Path file = writeYaml(dir, "listener:\n  protocols: [TLSv1.3, TLSv1.2\n  port: 8443\n");

    assertThat(problemsOf(file)).singleElement().satisfies(problem -> {
      assertThat(problem.key()).isEmpty();
      assertThat(problem.message()).startsWith("YAML syntax error at line 3, column 7: expected ',' or ']'")
          .endsWith("(while parsing a flow sequence at line 2, column 14)");
    });
  }

  @Test
  void tabIndentationIsASyntaxError() {
    Path file = writeYaml(dir, "listener:\n\tport: 8443\n");

    assertThat(problemsOf(file)).singleElement()
        .satisfies(problem -> assertThat(problem.message()).startsWith("YAML syntax error at line 2, column 1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  \n\n", "# nothing but a comment\n"})
  void emptyFileIsAProblem(String content) {
    assertThat(problemsOf(writeYaml(dir, content))).containsExactly(problem("",
        "the file is empty; a configuration needs at least listener.tls, trust.domains and upstream"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"- listener\n", "just words\n"})
  void documentMustBeAMapping(String content) {
    assertThat(problemsOf(writeYaml(dir, content))).containsExactly(
        problem("", "must be a mapping of top-level keys (listener, trust, upstream, ...)"));
  }

  @Test
  void secondYamlDocumentIsAProblem() {
    String valid = tail(ConfigFixture.minimal(dir).write());

    assertThat(problemsOf(writeYaml(dir, valid + "---\nlistener:\n  port: 1\n"))).containsExactly(
        problem("", "holds more than one YAML document (---); put the whole configuration in one"));
  }

  @Test
  void yamlAliasesAreRejected() {
    String valid = tail(ConfigFixture.minimal(dir).write());

    assertThat(problemsOf(writeYaml(dir, valid + "admin:\n  host: &h 127.0.0.1\n  enabled: *h\n")))
        .containsExactly(problem("admin.enabled", "YAML aliases (*h) are not supported; write the value out"));
  }

  @Test
  void fileThatCannotBeReadIsAProblem() {
    Path missing = dir.resolve("nope.yaml");

    assertThat(problemsOf(missing)).singleElement()
        .satisfies(problem -> assertThat(problem.message()).startsWith("cannot read the file: "));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      listener.prot                 | listener.prot: unknown key (did you mean 'port'?)
      listener.registrationPath     | listener.registrationPath: unknown key (did you mean 'registration-path'?)
      listener.max_body_size        | listener.max_body_size: unknown key (did you mean 'max-body-size'?)
      listener.tls.certifcate       | listener.tls.certifcate: unknown key (did you mean 'certificate'?)
      upstream.baseUrl              | upstream.baseUrl: unknown key (did you mean 'base-url'?)
      trust.domains[0].anchor       | trust.domains[0].anchor: unknown key (did you mean 'anchors'?)
      registration.signed-request   | registration.signed-request: unknown key (did you mean 'signed-requests'?)
      listner                       | listner: unknown key (did you mean 'listener'?)
      admin.colour                  | admin.colour: unknown key (allowed here: enabled, host, port, vertx-http-metrics)
      """)
  void unknownKeySuggestsTheNearestKnownKey(String key, String expected) {
    List<ConfigProblem> problems = ConfigFixture.minimal(dir).with(key, "x").problems();

    assertThat(problems).extracting(ConfigProblem::toString).containsExactly(expected);
  }

  @Test
  void nullValueIsAProblem() {
    Path file = writeYaml(dir, tail(ConfigFixture.minimal(dir).write()) + "admin:\n  port: ~\n");

    assertThat(problemsOf(file)).containsExactly(problem("admin.port", "has no value"));
  }

  @Test
  void sectionWithoutKeysIsAProblem() {
    Path file = writeYaml(dir, tail(ConfigFixture.minimal(dir).write()) + "dev:\nadmin:\n  port: 9091\n");

    assertThat(problemsOf(file)).containsExactly(problem("dev", "has no value (give it keys, or remove it)"));
  }

  @Test
  void recordsAreImmutable() {
    GatewayConfig config = ConfigFixture.minimal(dir).load();

    assertThatThrownBy(() -> config.listener().tls().protocols().add("TLSv1.1"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> config.trust().domains().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> config.forwarding().stripHeaders().add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  /** The text of a written config, to append raw YAML a map cannot express (duplicates, aliases). */
  private static String tail(Path file) {
    try {
      return Files.readString(file).replaceFirst("^---\\n", "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
