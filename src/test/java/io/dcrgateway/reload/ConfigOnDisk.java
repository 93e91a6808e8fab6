package io.dcrgateway.reload;

import io.dcrgateway.devpki.CertificateIssuer;
import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.devpki.IssuedCertificate;
import io.dcrgateway.devpki.Pem;
import io.dcrgateway.devpki.SoftwareStatementMinter;
import io.dcrgateway.testkit.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A gateway config file and the certificate, key and anchor files it names, in a directory of the
 * test's own, so a test can change them as an operator would and reload.
 */
final class ConfigOnDisk {

  final Path dir;
  final Path file;
  final int port;
  final int adminPort;
  private final DevPkiLayout pki;
  private final String upstream;

  ConfigOnDisk(Path dir, DevPkiLayout pki, String upstream) throws IOException {
    this.dir = dir;
    this.file = dir.resolve("gateway.yaml");
    this.pki = pki;
    this.upstream = upstream;
    int[] ports = FreePorts.distinct(2);
    this.port = ports[0];
    this.adminPort = ports[1];
    Files.copy(pki.server().chain(), dir.resolve("server-chain.pem"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(pki.server().privateKey(), dir.resolve("server.key"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(pki.tppTrustBundle(), dir.resolve("anchors.pem"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(pki.tppIntermediates(), dir.resolve("intermediates.pem"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(pki.directoryJwks(), dir.resolve("directory-jwks.json"), StandardCopyOption.REPLACE_EXISTING);
    write(false, "60s");
  }

  /**
   * @param requireStatement whether the profile demands a software statement (a rule change)
   * @param idleTimeout the listener's idle timeout (a change that waits for a restart)
   */
  void write(boolean requireStatement, String idleTimeout) throws IOException {
    Files.writeString(file, """
        listener:
          host: 127.0.0.1
          port: %d
          idle-timeout: %s
          tls:
            certificate: server-chain.pem
            key: server.key
            client-auth: request
        trust:
          domains:
            - name: dev
              anchors: [anchors.pem]
              intermediates: [intermediates.pem]
        upstream:
          base-url: %s
          registration-path: /upstream/register
        admin:
          host: 127.0.0.1
          port: %d
        registration:
          profile: transport-only
          directories:
            - name: dev-directory
              issuer: "%s"
              claims: open-finance-brasil
              jwks-file: directory-jwks.json
          profiles:
            - name: transport-only
              require-software-statement: %s
              rules: []
        reload:
          watch: false
        """.formatted(port, idleTimeout, upstream, adminPort, SoftwareStatementMinter.OFB_SANDBOX_ISSUER,
            requireStatement));
  }

  /** A new server certificate and key from the dev server CA, written over the served ones. */
  IssuedCertificate renewServerCertificate() throws Exception {
    IssuedCertificate ca = new IssuedCertificate(
        Pem.readCertificates(Files.readString(pki.serverCa().certificate())).get(0),
        Pem.readPrivateKey(Files.readString(pki.serverCa().privateKey())), List.of());
    Instant now = Instant.now();
    IssuedCertificate renewed = CertificateIssuer.forSubject("CN=localhost,O=dcr-gateway renewed,C=BR")
        .serverAuth().dnsNames("localhost").ipAddresses("127.0.0.1")
        .validity(now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(30))).signedBy(ca);
    replace("server-chain.pem", Pem.certificates(renewed.chain()));
    replace("server.key", Pem.privateKey(renewed.privateKey()));
    return renewed;
  }

  /** Written beside and moved into place, as a deployment tool would, so no look sees half a file. */
  void replace(String name, String content) throws IOException {
    Path staged = dir.resolve(name + ".new");
    Files.writeString(staged, content);
    Files.move(staged, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

}
