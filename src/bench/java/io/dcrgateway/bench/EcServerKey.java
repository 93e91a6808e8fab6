package io.dcrgateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code --server-key ec}: replaces the dev PKI's RSA server key and certificate with an ECDSA
 * P-256 pair for the same names, issued by the same dev server CA, before either server starts,
 * so the gateway and nginx both sign their CertificateVerify with it. Made with the openssl CLI
 * the benchmark needs anyway.
 */
final class EcServerKey {

  private EcServerKey() {
  }

  static void install(Path pki, Path work) throws IOException, InterruptedException {
    Path server = pki.resolve("server");
    Path ca = pki.resolve("ca");
    Path ext = work.resolve("ec-server.ext");
    Files.writeString(ext, "basicConstraints=critical,CA:FALSE\n"
        + "keyUsage=critical,digitalSignature\n"
        + "extendedKeyUsage=serverAuth\n"
        + "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
    Path csr = work.resolve("ec-server.csr");
    openssl(work, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256",
        "-out", server.resolve("server.key").toString());
    openssl(work, "req", "-new", "-key", server.resolve("server.key").toString(),
        "-subj", "/C=BR/O=dcr-gateway dev PKI/CN=localhost", "-out", csr.toString());
    openssl(work, "x509", "-req", "-in", csr.toString(), "-CA", ca.resolve("server-ca.pem").toString(),
        "-CAkey", ca.resolve("server-ca.key").toString(), "-CAcreateserial", "-days", "30", "-sha256",
        "-extfile", ext.toString(), "-out", server.resolve("server.pem").toString());
    Files.writeString(server.resolve("server-chain.pem"), Files.readString(server.resolve("server.pem"))
        + Files.readString(ca.resolve("server-ca.pem")));
  }

  private static void openssl(Path work, String... arguments) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("openssl"));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
        .redirectOutput(work.resolve("ec-server-openssl.log").toFile()).start();
    if (process.waitFor() != 0) {
      throw new IOException("openssl " + arguments[0] + " failed; see " + work.resolve("ec-server-openssl.log"));
    }
  }
}
