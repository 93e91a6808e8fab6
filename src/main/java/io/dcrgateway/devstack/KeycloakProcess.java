package io.dcrgateway.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Keycloak as a child process: {@code kc.sh start-dev} on 127.0.0.1 only, in-memory database, the
 * realm imported at start, console output to a log file. The same start as the e2e tests'
 * {@code KeycloakServer} (conf/keycloak/README.md explains every setting).
 */
final class KeycloakProcess implements AutoCloseable {

  /** The realm conf/keycloak/dcr-realm.json defines and conf/gateway.yaml's paths name. */
  static final String REALM = "dcr";
  /** Keycloak stops in about 3 s on SIGTERM; past this bound it is killed. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(20);

  private final Process process;
  private final URI baseUri;
  private final Path log;
  private boolean stopped;

  private KeycloakProcess(Process process, URI baseUri, Path log) {
    this.process = process;
    this.baseUri = baseUri;
    this.log = log;
  }

  /** Starts kc.sh and returns at once; {@link KeycloakReadiness} waits for the realm. */
  static KeycloakProcess start(KeycloakDistribution distribution, Path realmFile, int port, Path log,
      AdminCredentials admin) throws DevStackException {
    requireFree(port);
    try {
      importRealmOnStart(distribution, realmFile);
      Path parent = log.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      ProcessBuilder builder = new ProcessBuilder(command(distribution, port))
          .directory(distribution.home().toFile())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile());
      Map<String, String> env = builder.environment();
      // a developer's KC_* variables (database, hostname, features) must not change the known-good
      // start; JAVA_OPTS would replace kc.sh's JVM defaults (JAVA_OPTS_APPEND still applies)
      env.keySet().removeIf(name -> name.startsWith("KC_") || name.equals("JAVA_OPTS"));
      env.put("JAVA_HOME", System.getProperty("java.home"));
      env.put("KC_BOOTSTRAP_ADMIN_USERNAME", admin.username());
      env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", admin.password());
      return new KeycloakProcess(builder.start(), URI.create("http://127.0.0.1:" + port), log);
    } catch (IOException e) {
      throw new DevStackException("cannot start Keycloak from " + distribution.home() + ": " + e.getMessage(), e);
    }
  }

  private static List<String> command(KeycloakDistribution distribution, int port) {
    // sh, not the script itself: unpacking may not keep the executable bit
    return List.of("/bin/sh", distribution.script().toString(),
        "start-dev",
        "--http-host=127.0.0.1",
        "--http-port=" + port,
        "--db=dev-mem",
        "--import-realm",
        // RFC 9440 Client-Cert: :<base64 DER>: — the header the gateway adds after verifying
        "--spi-x509cert-lookup--provider=rfc9440",
        // the realm's Trusted Hosts policy then judges the gateway's address, and nothing but a
        // loopback peer can claim to speak for a TPP
        "--proxy-headers=xforwarded",
        "--proxy-trusted-addresses=127.0.0.1");
  }

  /** Fails in a second instead of after a 30 s start that cannot bind. */
  private static void requireFree(int port) throws DevStackException {
    try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      // bound and released: free for Keycloak a moment later
    } catch (IOException e) {
      throw new DevStackException("port " + port + " on 127.0.0.1 is in use (another Keycloak?);"
          + " stop it, or pass --keycloak-port N with UPSTREAM_BASE_URL=http://127.0.0.1:N");
    }
  }

  /** Written atomically: a concurrent start from the same distribution never reads half a file. */
  private static void importRealmOnStart(KeycloakDistribution distribution, Path realmFile) throws IOException {
    if (!Files.isRegularFile(realmFile)) {
      throw new IOException("realm file " + realmFile + " not found (pass --realm-file)");
    }
    Path importDir = Files.createDirectories(distribution.importDirectory());
    Path staged = Files.createTempFile(importDir, ".dcr-realm", ".tmp");
    Files.copy(realmFile, staged, StandardCopyOption.REPLACE_EXISTING);
    Files.move(staged, importDir.resolve(REALM + "-realm.json"),
        StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  URI baseUri() {
    return baseUri;
  }

  Path log() {
    return log;
  }

  Process process() {
    return process;
  }

  /** Stops kc.sh and every JVM it started. */
  @Override
  public synchronized void close() {
    if (!stopped) {
      stopped = true;
      ProcessTree.stop(process, STOP_GRACE);
    }
  }
}
