package io.dcrgateway.config;

import static io.dcrgateway.config.ConfigFixture.problem;
import static io.dcrgateway.config.ConfigFixture.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certificate, key and anchor paths: resolved against the config's directory, and present. */
class ReferencedFilesTest {

  @TempDir
  Path dir;

  @Test
  void relativePathsResolveAgainstTheConfigFileDirectory() throws Exception {
    // The config lives in conf/, the files in certs/ next to it; the working directory is elsewhere.
    ConfigFixture fixture = ConfigFixture.minimal(Files.createDirectories(dir.resolve("conf")));
    fixture.file("../certs/server/server-chain.pem").file("../certs/server/server.key");

    GatewayConfig config = fixture
        .with("listener.tls.certificate", "../certs/server/server-chain.pem")
        .with("listener.tls.key", "../certs/server/server.key")
        .load();

    assertThat(config.listener().tls().certificate()).isEqualTo(dir.resolve("certs/server/server-chain.pem"));
    assertThat(config.listener().tls().key()).isEqualTo(dir.resolve("certs/server/server.key"));
    assertThat(config.trust().domains().get(0).anchors()).containsExactly(dir.resolve("conf/anchors.pem"));
  }

  @Test
  void absolutePathsStayAsTheyAre() {
    ConfigFixture fixture = ConfigFixture.minimal(dir);
    Path elsewhere = dir.resolve("elsewhere/chain.pem");
    fixture.file("elsewhere/chain.pem");

    GatewayConfig config = fixture.with("listener.tls.certificate", elsewhere.toString()).load();

    assertThat(config.listener().tls().certificate()).isEqualTo(elsewhere);
  }

  @Test
  void reportsEachMissingFileWithItsKeyAndAbsolutePath() {
    List<ConfigProblem> problems = ConfigFixture.minimal(dir)
        .with("listener.tls.certificate", "gone/server.pem")
        .with("listener.tls.key", "gone/server.key")
        .with("trust.domains[0].anchors", List.of("anchors.pem", "gone/second.pem"))
        .with("trust.domains[0].intermediates", List.of("gone/intermediates.pem"))
        .with("upstream.base-url", "https://is.example")
        .with("upstream.tls", Map.of(
            "trust-anchors", List.of("gone/is-ca.pem"),
            "client-certificate", Map.of("certificate", "gone/client.pem", "key", "gone/client.key")))
        .problems();

    assertThat(problems).containsExactly(
        problem("listener.tls.certificate", "file not found: " + dir.resolve("gone/server.pem")),
        problem("listener.tls.key", "file not found: " + dir.resolve("gone/server.key")),
        problem("trust.domains[0].anchors[1]", "file not found: " + dir.resolve("gone/second.pem")),
        problem("trust.domains[0].intermediates[0]", "file not found: " + dir.resolve("gone/intermediates.pem")),
        problem("upstream.tls.trust-anchors[0]", "file not found: " + dir.resolve("gone/is-ca.pem")),
        problem("upstream.tls.client-certificate.certificate", "file not found: " + dir.resolve("gone/client.pem")),
        problem("upstream.tls.client-certificate.key", "file not found: " + dir.resolve("gone/client.key")));
  }

  @Test
  void directoryIsNotACertificateFile() throws Exception {
    Files.createDirectories(dir.resolve("certs"));

    assertThat(ConfigFixture.minimal(dir).with("listener.tls.certificate", "certs").problems())
        .containsExactly(problem("listener.tls.certificate", "not a regular file: " + dir.resolve("certs")));
  }

  @Test
  void filesUnderTheDevPkiDirectoryMayNotExistYet() {
    GatewayConfig config = ConfigFixture.minimal(dir)
        .with("listener.tls.certificate", "pki/server/server-chain.pem")
        .with("trust.domains[0].anchors", List.of("pki/ca/tpp-trust-bundle.pem"))
        .with("dev.generate-pki", "pki")
        .load();

    assertThat(config.dev()).contains(new DevConfig(dir.resolve("pki")));
  }

  @Test
  void filesOutsideTheDevPkiDirectoryMustStillExist() {
    assertThat(ConfigFixture.minimal(dir)
        .with("listener.tls.certificate", "other/server-chain.pem")
        .with("dev.generate-pki", "pki")
        .problems())
        .containsExactly(problem("listener.tls.certificate", "file not found: " + dir.resolve("other/server-chain.pem")));
  }

  @Test
  void requireAllReportsFilesTheDevPkiHasNotGenerated() {
    Path file = ConfigFixture.minimal(dir)
        .with("listener.tls.certificate", "pki/server/server-chain.pem")
        .with("dev.generate-pki", "pki")
        .write();

    assertThat(problemsOf(file, name -> null, FileChecks.REQUIRE_ALL)).containsExactly(
        problem("listener.tls.certificate", "file not found: " + dir.resolve("pki/server/server-chain.pem")));
  }

  @Test
  void devPkiPathMustNotBeAFile() {
    assertThat(ConfigFixture.minimal(dir).with("dev.generate-pki", "anchors.pem").problems())
        .containsExactly(problem("dev.generate-pki", "not a directory: " + dir.resolve("anchors.pem")));
  }

  @Test
  void devSectionNeedsItsDirectory() {
    assertThat(ConfigFixture.minimal(dir).with("dev", Map.of()).problems()).containsExactly(
        problem("dev.generate-pki", "is required (directory where run generates a dev PKI when missing)"));
  }

  @Test
  void parseLooksAtNoFile() {
    Path file = ConfigFixture.minimal(dir).with("listener.tls.key", "nowhere.key").write();

    GatewayConfig config = ConfigLoader.parse(file, name -> null);

    assertThat(config.listener().tls().key()).isEqualTo(dir.resolve("nowhere.key"));
  }
}
