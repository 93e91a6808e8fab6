package io.dcrgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.cli.CheckConfigCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code check-config --config FILE}: exit status and output of the CLI face of the loader. */
class CheckConfigCommandTest {

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void validConfigPrintsOkAndASummary() throws Exception {
    Path file = ConfigFixture.minimal(dir).write();
    withRealPem();

    assertThat(run("--config", file.toString())).isEqualTo(0);
    assertThat(out.toString()).startsWith("OK: " + file + System.lineSeparator())
        .contains("Listener https://0.0.0.0:8443/register (TLSv1.3, TLSv1.2; client certificate requested;")
        .contains("Trust domains: dev (1 anchor file, 0 intermediates files)")
        .contains("Upstream http://127.0.0.1:8080/realms/dcr/clients-registrations/openid-connect")
        .contains("Client certificate forwarded as rfc9440 in Client-Cert + Client-Cert-Chain.")
        .contains("Admin on http://127.0.0.1:9090.");
    assertThat(err.toString()).isEmpty();
  }

  /** Like run, check-config parses what the files hold: placeholders are not certificates. */
  @Test
  void certificatesThatDoNotParseAreProblemsByKey() {
    Path file = ConfigFixture.minimal(dir).write();

    assertThat(run("--config", file.toString())).isEqualTo(1);
    assertThat(err.toString()).contains(file + ": trust.domains[0].anchors[0]: cannot read certificates from")
        .contains(file + ": listener.tls.certificate: cannot read certificates from")
        .contains(file + ": listener.tls.key: cannot read a private key from");
  }

  private void withRealPem() throws java.io.IOException {
    var pki = io.dcrgateway.testkit.SharedDevPki.layout();
    java.nio.file.Files.copy(pki.server().chain(), dir.resolve("server-chain.pem"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    java.nio.file.Files.copy(pki.server().privateKey(), dir.resolve("server.key"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    java.nio.file.Files.copy(pki.tppTrustBundle(), dir.resolve("anchors.pem"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void shippedConfigChecksOut() {
    assertThat(run("--config", "conf/gateway.yaml")).isEqualTo(0);
    assertThat(out.toString()).startsWith("OK: conf/gateway.yaml").contains("Development PKI in ");
  }

  @Test
  void everyProblemGoesToStderrOnePerLineWithTheFile() {
    Path file = ConfigFixture.minimal(dir).with("listener.port", "84x3").with("listener.prot", "1").write();

    assertThat(run("--config", file.toString())).isEqualTo(1);
    assertThat(err.toString().lines()).containsExactly(
        file + ": listener.prot: unknown key (did you mean 'port'?)",
        file + ": listener.port: must be an integer between 1 and 65535, got \"84x3\"");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void documentProblemsHaveNoKey() {
    Path file = ConfigFixture.writeYaml(dir, "");

    assertThat(run("--config", file.toString())).isEqualTo(1);
    assertThat(err.toString().lines()).containsExactly(file
        + ": the file is empty; a configuration needs at least listener.tls, trust.domains and upstream");
  }

  @Test
  void unreadableFileExitsWithTwo() {
    Path missing = dir.resolve("missing.yaml");

    assertThat(run("--config", missing.toString())).isEqualTo(2);
    assertThat(err.toString().lines()).containsExactly(missing + ": cannot read the file");
  }

  @Test
  void configOptionIsRequired() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required option: '--config=FILE'");
  }

  private int run(String... args) {
    return new CommandLine(new CheckConfigCommand(name -> null))
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
  }
}
