package io.dcrgateway.devpki;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dev-pki}: writes a development PKI and directory key for trying the gateway locally. */
@Command(
    name = "dev-pki",
    mixinStandardHelpOptions = true,
    description = {
        "Generate a development PKI: TPP root and issuing CAs, a server certificate for localhost,",
        "client certificates for Open Finance Brasil (current and legacy DN layouts) and UK Open Banking,",
        "negative cases (expired, untrusted, forged, weak key, wrong EKU), a PS256 directory signing key",
        "and a PS256 request signing key (JWK and public JWKS) per client.",
        "For development only: private keys are written unencrypted."})
public final class DevPkiCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--out", paramLabel = "<dir>", defaultValue = "certs",
      description = "Output directory (default: ${DEFAULT-VALUE}).")
  private Path out;

  @Option(names = "--force", description = "Overwrite existing files.")
  private boolean force;

  @Option(names = "--p12-password", paramLabel = "<password>", defaultValue = DevPkiOptions.DEFAULT_PKCS12_PASSWORD,
      description = "Password of the PKCS#12 files (default: ${DEFAULT-VALUE}); visible in the process list.")
  private char[] pkcs12Password;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    try {
      DevPkiManifest manifest = DevPki.generate(out, new DevPkiOptions(force, pkcs12Password));
      stdout.print(DevPkiSummary.of(manifest));
      stdout.flush();
      return 0;
    } catch (FileAlreadyExistsException e) {
      stderr.println(e.getFile() + " exists; pass --force to overwrite");
      stderr.flush();
      return 1;
    } catch (IOException | RuntimeException e) {
      stderr.println("dev-pki: cannot write " + out + ": " + e.getMessage());
      stderr.flush();
      return 1;
    }
  }
}
