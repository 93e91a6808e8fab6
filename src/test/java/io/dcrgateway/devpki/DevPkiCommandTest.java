package io.dcrgateway.devpki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DevPkiCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine command = new CommandLine(new DevPkiCommand());
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    return command.execute(args);
  }

  @Test
  void writesThePkiAndPrintsWhereAndTheClientIds(@TempDir Path dir) throws Exception {
    Path certs = dir.resolve("certs");

    int exit = run("--out", certs.toString(), "--p12-password", "s3cret");

    assertThat(exit).isZero();
    assertThat(err.toString()).isEmpty();
    DevPkiManifest manifest = DevPkiManifest.read(certs);
    assertThat(out.toString())
        .contains(certs.resolve("ca/tpp-trust-bundle.pem").toString())
        .contains(manifest.client("ofb-tpp1-a").softwareId(), manifest.client("ofb-tpp1-a").orgId())
        .contains(manifest.client("ofb-tpp2").softwareId(), manifest.client("uk-tpp").softwareId())
        .contains(manifest.directory().kid());
    assertThat(manifest.pkcs12Password()).isEqualTo("s3cret");
    DevPkiTest.loadPkcs12(manifest.client("uk-tpp").files().pkcs12(), "s3cret");
  }

  @Test
  void refusesWithOneLineOnStderrAndExitCodeOneThenOverwritesWithForce(@TempDir Path dir) throws Exception {
    Path certs = dir.resolve("certs");
    Path root = certs.resolve("ca/tpp-root-ca.pem");
    Files.createDirectories(root.getParent());
    Files.writeString(root, "old");

    int refused = run("--out", certs.toString());

    assertThat(refused).isEqualTo(1);
    assertThat(err.toString()).isEqualTo(root + " exists; pass --force to overwrite" + System.lineSeparator());
    assertThat(out.toString()).isEmpty();
    assertThat(root).hasContent("old");
    assertThat(new DevPkiLayout(certs).manifest()).doesNotExist();

    int forced = run("--out", certs.toString(), "--force");

    assertThat(forced).isZero();
    assertThat(Files.readString(root)).startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(DevPkiManifest.read(certs).pkcs12Password()).isEqualTo("changeit");
  }

  @Test
  void helpNamesTheOptionsAndTheirDefaults() {
    int exit = run("--help");

    assertThat(exit).isZero();
    assertThat(out.toString()).contains("dev-pki", "--out", "default: certs", "--force", "--p12-password", "default: changeit");
  }
}
