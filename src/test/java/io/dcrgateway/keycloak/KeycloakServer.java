package io.dcrgateway.keycloak;

import io.dcrgateway.devstack.ProcessTree;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real Keycloak from the unpacked server distribution, on a free loopback port, with the
 * {@code dcr} realm imported; or, with {@link #attach}, one already running elsewhere.
 *
 * <p>Started as {@code kc.sh start-dev}: in-memory database, the RFC 9440 certificate lookup (the
 * header dcr-gateway forwards), and {@code X-Forwarded-*} trusted from 127.0.0.1 only, so the
 * gateway on loopback can speak for the TPP while nothing else can.
 */
public final class KeycloakServer implements AutoCloseable {

  /** The unpacked distribution (the directory holding {@code bin/kc.sh}); set by the pom. */
  public static final String HOME_PROPERTY = "keycloak.home";
  /** Optional: the realm file to import instead of {@code conf/keycloak/dcr-realm.json}. */
  public static final String REALM_FILE_PROPERTY = "keycloak.realm-file";
  /** Optional: where {@code keycloak-<port>.log} goes instead of {@code target/}. */
  public static final String LOG_DIR_PROPERTY = "keycloak.log-dir";

  public static final String REALM = "dcr";
  public static final Path DEFAULT_REALM_FILE = Path.of("conf", "keycloak", "dcr-realm.json");

  /** First start on a fresh distribution includes Quarkus augmentation (about 30-45 s). */
  static final Duration READY_DEADLINE = Duration.ofSeconds(240);
  /** Keycloak stops in about 3 s on SIGTERM; past this bound it is killed. */
  static final Duration STOP_GRACE = Duration.ofSeconds(20);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
  private static final String ADMIN_USER = "admin";

  private final URI baseUri;
  private final Optional<Process> process;
  private final Optional<Thread> shutdownHook;
  private final Optional<Path> log;
  private final KeycloakAdmin admin;
  private final Duration startup;
  private boolean closed;

  private KeycloakServer(URI baseUri, Optional<Process> process, Optional<Thread> shutdownHook,
      Optional<Path> log, KeycloakAdmin admin, Duration startup) {
    this.baseUri = baseUri;
    this.process = process;
    this.shutdownHook = shutdownHook;
    this.log = log;
    this.admin = admin;
    this.startup = startup;
  }

  /** The distribution named by {@value #HOME_PROPERTY}, if set and it holds {@code bin/kc.sh}. */
  public static Optional<Path> configuredHome() {
    String home = System.getProperty(HOME_PROPERTY, "").trim();
    if (home.isEmpty()) {
      return Optional.empty();
    }
    Path dir = Path.of(home);
    return Files.isRegularFile(dir.resolve("bin").resolve("kc.sh")) ? Optional.of(dir) : Optional.empty();
  }

  /** Why {@link #configuredHome()} is empty, for a skipped test to say. */
  public static String missingHomeMessage() {
    String home = System.getProperty(HOME_PROPERTY);
    return home == null || home.isBlank()
        ? "Keycloak e2e tests skipped: system property " + HOME_PROPERTY + " is not set (run"
            + " ./mvnw verify without -DskipE2E to fetch the distribution)"
        : "Keycloak e2e tests skipped: " + HOME_PROPERTY + "=" + home + " has no bin/kc.sh";
  }

  public static Path configuredRealmFile() {
    return Path.of(System.getProperty(REALM_FILE_PROPERTY, DEFAULT_REALM_FILE.toString()));
  }

  public static Path configuredLogDir() {
    return Path.of(System.getProperty(LOG_DIR_PROPERTY, "target"));
  }

  /**
   * Starts Keycloak and returns once the realm answers, or fails within {@link #READY_DEADLINE}
   * with the tail of its log (and nothing left running).
   */
  public static KeycloakServer start(Path home, Path realmFile, Path logDir) throws IOException {
    importRealmOnStart(home, realmFile);
    int port = freeLoopbackPort();
    Files.createDirectories(logDir);
    Path log = logDir.resolve("keycloak-" + port + ".log").toAbsolutePath();
    byte[] secret = new byte[16];
    new SecureRandom().nextBytes(secret);
    String adminPassword = HexFormat.of().formatHex(secret);

    ProcessBuilder builder = new ProcessBuilder(command(home, port))
        .directory(home.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    // a developer's KC_* variables (db, hostname, features...) must not change the test server
    env.keySet().removeIf(name -> name.startsWith("KC_") || name.equals("JAVA_OPTS"));
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
    env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);

    Instant begin = Instant.now();
    Process process = builder.start();
    // the last resort, armed before the wait: a test JVM stopped by Ctrl-C or a fork timeout,
    // even during the 30 s first start, must not leave a 500 MB Keycloak behind
    Thread hook = new Thread(() -> stop(process), "keycloak-" + port + "-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    URI baseUri = URI.create("http://127.0.0.1:" + port);
    try {
      awaitReady(baseUri, Optional.of(process));
    } catch (IOException | RuntimeException e) {
      stop(process);
      removeShutdownHook(hook);
      throw new IOException(e.getMessage() + "\n--- last lines of " + log + ":\n" + tail(log, 40), e);
    }
    return new KeycloakServer(baseUri, Optional.of(process), Optional.of(hook), Optional.of(log),
        new KeycloakAdmin(baseUri, REALM, ADMIN_USER, adminPassword), Duration.between(begin, Instant.now()));
  }

  /** A Keycloak someone else started (CI starts it early, in the background); never stopped here. */
  public static KeycloakServer attach(URI baseUri, String adminUser, String adminPassword) throws IOException {
    Instant begin = Instant.now();
    awaitReady(baseUri, Optional.empty());
    return new KeycloakServer(baseUri, Optional.empty(), Optional.empty(), Optional.empty(),
        new KeycloakAdmin(baseUri, REALM, adminUser, adminPassword), Duration.between(begin, Instant.now()));
  }

  private static List<String> command(Path home, int port) {
    // sh, not the script itself: unpacking may not keep the executable bit
    return List.of("/bin/sh", home.resolve("bin").resolve("kc.sh").toAbsolutePath().toString(),
        "start-dev",
        "--http-host=127.0.0.1",
        "--http-port=" + port,
        "--db=dev-mem",
        "--import-realm",
        // RFC 9440 Client-Cert: :<base64 DER>: — the header dcr-gateway adds after verifying
        "--spi-x509cert-lookup--provider=rfc9440",
        "--proxy-headers=xforwarded",
        "--proxy-trusted-addresses=127.0.0.1");
  }

  /** kc.sh --import-realm reads only {@code <home>/data/import}; written atomically. */
  private static void importRealmOnStart(Path home, Path realmFile) throws IOException {
    if (!Files.isRegularFile(realmFile)) {
      throw new IOException("realm file " + realmFile.toAbsolutePath() + " not found");
    }
    Path importDir = Files.createDirectories(home.resolve("data").resolve("import"));
    Path staged = Files.createTempFile(importDir, ".dcr-realm", ".tmp");
    Files.copy(realmFile, staged, StandardCopyOption.REPLACE_EXISTING);
    Files.move(staged, importDir.resolve(REALM + "-realm.json"),
        StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Polls the realm's discovery document: it answers only once the import has finished. */
  private static void awaitReady(URI baseUri, Optional<Process> process) throws IOException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest probe = HttpRequest.newBuilder(wellKnown(baseUri)).timeout(Duration.ofSeconds(5)).GET().build();
    Instant deadline = Instant.now().plus(READY_DEADLINE);
    String last = "no answer";
    while (Instant.now().isBefore(deadline)) {
      if (process.isPresent() && !process.get().isAlive()) {
        throw new IOException("Keycloak exited with status " + process.get().exitValue() + " before it was ready");
      }
      try {
        HttpResponse<Void> response = client.send(probe, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
        last = "status " + response.statusCode();
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for Keycloak", e);
      }
      sleep(POLL_INTERVAL);
    }
    throw new IOException("Keycloak not ready at " + wellKnown(baseUri) + " within " + READY_DEADLINE
        + " (last: " + last + ")");
  }

  private static URI wellKnown(URI baseUri) {
    return baseUri.resolve("/realms/" + REALM + "/.well-known/openid-configuration");
  }

  public URI baseUri() {
    return baseUri;
  }

  /** RFC 7591 registration endpoint of the realm (what the gateway forwards to). */
  public URI registrationEndpoint() {
    return baseUri.resolve("/realms/" + REALM + "/clients-registrations/openid-connect");
  }

  public URI tokenEndpoint() {
    return baseUri.resolve("/realms/" + REALM + "/protocol/openid-connect/token");
  }

  public KeycloakAdmin admin() {
    return admin;
  }

  /** The captured console log; empty for an attached server. */
  public Optional<Path> log() {
    return log;
  }

  /** From process start (or attach) to the realm answering. */
  public Duration startup() {
    return startup;
  }

  /**
   * SIGTERM to kc.sh and every descendant (kc.sh execs java, and the first start runs a separate
   * augmentation JVM), then SIGKILL whatever is still alive after {@link #STOP_GRACE}.
   */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      process.ifPresent(KeycloakServer::stop);
      shutdownHook.ifPresent(KeycloakServer::removeShutdownHook);
    }
  }

  private static void removeShutdownHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook is running or has run: the process is being stopped either way
    }
  }

  /** The same tree stop dev-stack uses: SIGTERM to kc.sh and its JVMs, SIGKILL after the grace. */
  private static void stop(Process process) {
    ProcessTree.stop(process, STOP_GRACE);
  }

  private static void sleep(Duration duration) throws IOException {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for Keycloak", e);
    }
  }

  private static String tail(Path file, int lines) {
    try {
      List<String> all = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  @Override
  public String toString() {
    return "Keycloak at " + baseUri + log.map(l -> " (log " + l + ")").orElse(" (attached)");
  }
}
