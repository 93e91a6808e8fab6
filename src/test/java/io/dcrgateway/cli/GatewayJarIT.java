package io.dcrgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.testkit.FreePorts;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarFile;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as operators and container runtimes use it: every test starts
 * {@code java -jar dcr-gateway.jar <command>} as a process of its own and judges it only by exit
 * status, output, ports and files.
 */
class GatewayJarIT {

  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
  /** The shutdown hook drains for up to 10s; an idle gateway has nothing to drain. */
  private static final Duration IDLE_SHUTDOWN = Duration.ofSeconds(10);
  private static final String REFUSED_OVERWRITE = " exists; pass --force to overwrite";

  /** Variables the shipped config reads: cleared so the developer's shell cannot change a test. */
  private static final List<String> CONFIG_VARIABLES =
      List.of("GATEWAY_HOST", "GATEWAY_PORT", "UPSTREAM_BASE_URL", "ADMIN_HOST", "ADMIN_PORT");

  /** What {@link #brokenConfig} gets wrong, as check-config and run must name it. */
  private static final List<String> BROKEN_KEYS = List.of(
      "listener.colour", "listener.port", "listener.tls.certificate", "listener.tls.key",
      "trust.domains[0].anchors[0]");

  @TempDir
  Path tmp;

  @Test
  void runRefusesAnInvalidConfigBeforeListening() throws Exception {
    int adminPort = FreePorts.one();
    Path config = write(tmp.resolve("gateway.yaml"), brokenConfig(adminPort));

    Process run = start(tmp, Map.of(), "run", "--config", config.toString());
    boolean adminPortBound = false;
    try {
      // The admin listener is the first to bind: watch it for the whole life of the process.
      Instant deadline = Instant.now().plus(COMMAND_TIMEOUT);
      while (run.isAlive() && Instant.now().isBefore(deadline)) {
        adminPortBound |= isListening(adminPort);
        run.waitFor(20, TimeUnit.MILLISECONDS);
      }
      assertThat(run.isAlive()).as("run still alive after %s", COMMAND_TIMEOUT).isFalse();
    } finally {
      stop(run);
    }

    String stderr = Files.readString(stderrOf(tmp));
    assertThat(run.exitValue()).as("exit status; stderr:%n%s", stderr).isEqualTo(1);
    assertThat(problemKeys(stderr, config)).containsExactlyInAnyOrderElementsOf(BROKEN_KEYS);
    assertThat(stderr).contains("dcr-gateway: not started: 5 problems in " + config);
    assertThat(adminPortBound).as("admin port %d bound while the config was invalid", adminPort).isFalse();
    assertThat(Files.readString(stdoutOf(tmp))).doesNotContain("listening");
  }

  @Test
  void checkConfigReportsEveryProblemAndExitsNonZero() throws Exception {
    Path config = write(tmp.resolve("gateway.yaml"), brokenConfig(FreePorts.one()));

    Outcome check = execute(tmp, Map.of(), "check-config", "--config", config.toString());

    assertThat(check.status()).as("exit status; stderr:%n%s", check.stderr()).isEqualTo(1);
    assertThat(check.stdout()).isEmpty();
    assertThat(check.stderr().lines()).allSatisfy(line -> assertThat(line).startsWith(config + ": "));
    assertThat(problemKeys(check.stderr(), config)).containsExactlyInAnyOrderElementsOf(BROKEN_KEYS);
    assertThat(check.stderr())
        .contains(config + ": listener.port: must be an integer between 1 and 65535, got \"70000\"");
  }

  @Test
  void checkConfigAcceptsTheShippedConfigBeforeItsDevPkiExists() throws Exception {
    Path config = copyShippedConfig(tmp);
    Path devPki = tmp.resolve("certs");

    Outcome check = execute(tmp, Map.of(), "check-config", "--config", config.toString());

    assertThat(check.status()).as("exit status; stderr:%n%s", check.stderr()).isZero();
    assertThat(check.stderr()).isEmpty();
    assertThat(check.stdout().lines().findFirst()).contains("OK: " + config);
    assertThat(check.stdout())
        .contains("Listener https://0.0.0.0:8443/register")
        .contains("Admin on http://127.0.0.1:9090.")
        .contains("Development PKI in " + devPki + " (generated by run when missing");
    // check-config validates; only run generates the dev PKI.
    assertThat(devPki).doesNotExist();
  }

  @Test
  void devPkiRefusesToOverwriteWithoutForce() throws Exception {
    Path out = tmp.resolve("pki");
    DevPkiLayout pki = new DevPkiLayout(out);

    Outcome first = execute(tmp, Map.of(), "dev-pki", "--out", out.toString());
    assertThat(first.status()).as("first run; stderr:%n%s", first.stderr()).isZero();
    assertThat(pki.manifest()).isRegularFile();
    byte[] serverKey = Files.readAllBytes(pki.server().privateKey());

    Outcome refused = execute(tmp, Map.of(), "dev-pki", "--out", out.toString());
    assertThat(refused.status()).isEqualTo(1);
    assertThat(refused.stdout()).isEmpty();
    String named = refused.stderr().strip();
    assertThat(named).startsWith(out.toString()).endsWith(REFUSED_OVERWRITE);
    assertThat(Path.of(named.substring(0, named.length() - REFUSED_OVERWRITE.length()))).isRegularFile();
    assertThat(pki.server().privateKey()).hasBinaryContent(serverKey);

    Outcome forced = execute(tmp, Map.of(), "dev-pki", "--out", out.toString(), "--force");
    assertThat(forced.status()).as("--force; stderr:%n%s", forced.stderr()).isZero();
    assertThat(Files.readAllBytes(pki.server().privateKey())).as("server key regenerated").isNotEqualTo(serverKey);
  }

  @Test
  void unknownCommandPrintsUsageAndExitsNonZero() throws Exception {
    Outcome outcome = execute(tmp, Map.of(), "bogus");

    assertThat(outcome.status()).isEqualTo(2);
    assertThat(outcome.stdout()).isEmpty();
    assertThat(outcome.stderr())
        .contains("Unmatched argument at index 0: 'bogus'")
        .contains("Usage: dcr-gateway")
        .contains("run", "check-config", "dev-pki", "healthcheck");
  }

  @Test
  void versionPrintsTheBuiltVersionAndExitsZero() throws Exception {
    Outcome outcome = execute(tmp, Map.of(), "--version");

    assertThat(outcome.status()).isZero();
    assertThat(outcome.stdout().strip()).isEqualTo("dcr-gateway " + builtVersion());
  }

  /**
   * A container runtime may send SIGTERM at any moment, also the one the gateway announces it
   * listens: that stop is as graceful as any (the hook used to be registered only after the
   * announcement, and a signal in between got a stack trace, exit 143 and no drain).
   */
  @Test
  void sigtermTheMomentTheGatewayAnnouncesItselfStopsItGracefully() throws Exception {
    Path config = copyShippedConfig(tmp);
    int[] ports = FreePorts.distinct(2);
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        jar().toString(), "run", "--config", config.toString());
    ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.toFile()).redirectErrorStream(true);
    CONFIG_VARIABLES.forEach(builder.environment()::remove);
    builder.environment().putAll(Map.of("GATEWAY_HOST", "127.0.0.1", "GATEWAY_PORT", Integer.toString(ports[0]),
        "ADMIN_PORT", Integer.toString(ports[1]), "UPSTREAM_BASE_URL", "http://127.0.0.1:9"));
    Process gateway = builder.start();
    try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(gateway.getInputStream(),
        java.nio.charset.StandardCharsets.UTF_8))) {
      StringBuilder output = new StringBuilder();
      String line;
      while ((line = lines.readLine()) != null) {
        output.append(line).append('\n');
        if (line.startsWith("dcr-gateway listening on")) {
          // SIGTERM the moment the line is read; through the handle, which, unlike Process.destroy,
          // leaves the pipe open for the rest of the output.
          gateway.toHandle().destroy();
          break;
        }
      }
      assertThat(line).as("the gateway announced itself; output:%n%s", output).isNotNull();
      while ((line = lines.readLine()) != null) {
        output.append(line).append('\n');
      }
      assertThat(gateway.waitFor(IDLE_SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS))
          .as("exited within %s of SIGTERM", IDLE_SHUTDOWN).isTrue();
      assertThat(gateway.exitValue()).as("a graceful stop exits 0; output:%n%s", output).isZero();
      assertThat(output.toString()).doesNotContain("Exception").doesNotContain("shutdown did not finish in time");
      assertThat(isListening(ports[0])).as("public port still bound").isFalse();
    } finally {
      stop(gateway);
    }
  }

  /**
   * One gateway for the tests that need it running: starting it generates a dev PKI, which takes
   * seconds.
   */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class AgainstARunningGateway {

    private final AtomicInteger upstreamRequests = new AtomicInteger();
    private Path home;
    private DevPkiLayout devPki;
    private HttpServer upstream;
    private Process gateway;
    private int port;
    private int adminPort;

    @BeforeAll
    void startTheShippedConfigInAnEmptyDirectory(@TempDir Path dir) throws Exception {
      home = dir;
      devPki = new DevPkiLayout(home.resolve("certs"));
      Path config = copyShippedConfig(home);
      assertThat(devPki.root()).as("precondition: no dev PKI yet").doesNotExist();
      upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      upstream.createContext("/", exchange -> {
        upstreamRequests.incrementAndGet();
        exchange.sendResponseHeaders(500, -1);
        exchange.close();
      });
      upstream.start();
      int[] ports = FreePorts.distinct(2);
      port = ports[0];
      adminPort = ports[1];

      gateway = start(home, Map.of(
          "GATEWAY_HOST", "127.0.0.1",
          "GATEWAY_PORT", Integer.toString(port),
          "ADMIN_PORT", Integer.toString(adminPort),
          "UPSTREAM_BASE_URL", "http://127.0.0.1:" + upstream.getAddress().getPort()),
          "run", "--config", config.toString());
      awaitReady();
    }

    @AfterAll
    void stopEverything() throws Exception {
      try {
        if (gateway != null) {
          stop(gateway);
        }
      } finally {
        if (upstream != null) {
          upstream.stop(0);
        }
      }
    }

    @Test
    @Order(1)
    void runGeneratesTheDevPkiOnFirstStartAndBecomesReady() throws Exception {
      assertThat(devPki.manifest()).isRegularFile();
      assertThat(devPki.server().privateKey()).isRegularFile();
      assertThat(Files.readString(stdoutOf(home)))
          .contains("generated a development PKI in " + devPki.root())
          .contains("dcr-gateway listening on https://127.0.0.1:" + port + "/register");
      if (System.getProperty("os.name").equals("Linux")
          && List.of("amd64", "aarch64").contains(System.getProperty("os.arch"))) {
        // listener.transport: native by default, and the jar carries epoll for Linux; crypto.provider:
        // auto, and the jar carries AWS-LC for the machine it was built on.
        assertThat(Files.readString(stdoutOf(home)))
            .contains("; transport native (epoll), " + Runtime.getRuntime().availableProcessors() + " server(s)")
            .containsPattern("; crypto AWS-LC v[0-9.]+ \\(ACCP [0-9.]+\\)");
      }
      HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      assertThat(adminGet(plain, "/health/ready").statusCode()).isEqualTo(200);
      assertThat(adminGet(plain, "/health/live").statusCode()).isEqualTo(200);

      HttpResponse<String> response = trustingTheDevServerCa().send(
          HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/register"))
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"redirect_uris\":[\"https://tpp.example/cb\"]}"))
              .build(),
          HttpResponse.BodyHandlers.ofString());

      // No client certificate: client-auth request answers with a JSON error, not a failed handshake.
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
      assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
      JsonObject error = new JsonObject(response.body());
      assertThat(error.getString("error")).isEqualTo("invalid_client");
      assertThat(error.getString("error_description")).isNotBlank();
      assertThat(upstreamRequests).as("requests that reached the upstream").hasValue(0);
    }

    @Test
    @Order(2)
    void healthcheckExitsZeroOnlyWhenReady() throws Exception {
      String admin = "http://127.0.0.1:" + adminPort;

      Outcome ready = execute(home, Map.of(), "healthcheck", "--url", admin + "/health/ready");
      Outcome notFound = execute(home, Map.of(), "healthcheck", "--url", admin + "/health/nope");
      Outcome closed = execute(home, Map.of(), "healthcheck", "--url",
          "http://127.0.0.1:" + FreePorts.one() + "/health/ready");

      assertThat(ready.status()).as("ready; stderr:%n%s", ready.stderr()).isZero();
      assertThat(ready.stdout()).startsWith("200 ");
      assertThat(notFound.status()).as("404").isEqualTo(1);
      assertThat(closed.status()).as("closed port").isEqualTo(1);
      assertThat(closed.stderr()).contains("unreachable");
    }

    @Test
    @Order(3)
    void sighupReloadsTheConfigAndTheGatewayKeepsServing() throws Exception {
      Process hangup = new ProcessBuilder("kill", "-HUP", Long.toString(gateway.pid())).start();
      assertThat(hangup.waitFor(10, TimeUnit.SECONDS) && hangup.exitValue() == 0).as("kill -HUP").isTrue();

      HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      Instant deadline = Instant.now().plus(COMMAND_TIMEOUT);
      String metrics = "";
      while (!metrics.contains("dcr_gateway_reloads_total{result=\"ok\"} 1.0") && Instant.now().isBefore(deadline)) {
        gateway.waitFor(100, TimeUnit.MILLISECONDS);
        metrics = adminGet(plain, "/metrics").body();
      }

      assertThat(gateway.isAlive()).as("still running after SIGHUP").isTrue();
      assertThat(metrics).as("reload counted; gateway stderr:%n%s", Files.readString(stderrOf(home)))
          .contains("dcr_gateway_reloads_total{result=\"ok\"} 1.0")
          .contains("dcr_gateway_reloads_total{result=\"failed\"} 0.0");
      assertThat(Files.readString(stderrOf(home))).contains("reloaded").contains("(SIGHUP)");
      assertThat(adminGet(plain, "/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void sigtermStopsAnIdleGatewayPromptlyAndReleasesItsPorts() throws Exception {
      gateway.destroy();

      boolean exited = gateway.waitFor(IDLE_SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS);

      assertThat(exited).as("exited within %s of SIGTERM", IDLE_SHUTDOWN).isTrue();
      assertThat(gateway.exitValue()).as("a graceful stop exits 0").isZero();
      assertThat(Files.readString(stderrOf(home)))
          .doesNotContain("shutdown did not finish in time")
          .doesNotContain("Exception");
      assertThat(isListening(port)).as("public port still bound").isFalse();
      assertThat(isListening(adminPort)).as("admin port still bound").isFalse();
    }

    /** Polls readiness; fails early, with the gateway's stderr, when the process dies. */
    private void awaitReady() throws Exception {
      HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
      Instant deadline = Instant.now().plus(COMMAND_TIMEOUT);
      while (true) {
        if (!gateway.isAlive()) {
          fail("gateway exited with %d before it was ready; stderr:%n%s",
              gateway.exitValue(), Files.readString(stderrOf(home)));
        }
        try {
          if (adminGet(plain, "/health/ready").statusCode() == 200) {
            return;
          }
        } catch (IOException notListeningYet) {
          // keep polling until the deadline
        }
        if (Instant.now().isAfter(deadline)) {
          fail("gateway not ready within %s; stderr:%n%s", COMMAND_TIMEOUT, Files.readString(stderrOf(home)));
        }
        gateway.waitFor(100, TimeUnit.MILLISECONDS);
      }
    }

    private HttpResponse<String> adminGet(HttpClient client, String path) throws Exception {
      return client.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + path))
              .timeout(Duration.ofSeconds(5)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    }

    /** A TPP's client that trusts the server CA but has no certificate of its own. */
    private HttpClient trustingTheDevServerCa() throws Exception {
      KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
      anchors.load(null, null);
      try (InputStream pem = Files.newInputStream(devPki.serverCa().certificate())) {
        anchors.setCertificateEntry("server-ca", CertificateFactory.getInstance("X.509").generateCertificate(pem));
      }
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(anchors);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, trust.getTrustManagers(), null);
      return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
    }
  }

  /** What a finished command left behind. */
  private record Outcome(int status, String stdout, String stderr) {
  }

  /** Runs a command that is expected to finish by itself. */
  private static Outcome execute(Path dir, Map<String, String> env, String... args) throws Exception {
    Path logs = Files.createTempDirectory(dir, "command");
    Process process = start(logs, env, args);
    try {
      assertThat(process.waitFor(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
          .as("%s finished within %s", List.of(args), COMMAND_TIMEOUT).isTrue();
      return new Outcome(process.exitValue(), Files.readString(stdoutOf(logs)), Files.readString(stderrOf(logs)));
    } finally {
      stop(process);
    }
  }

  /**
   * Starts the jar with stdout and stderr going to files in {@code logs} (a pipe nobody reads
   * could fill up and block the process).
   */
  /**
   * A build run under nohup hands SIGHUP down ignored, and a JVM started so keeps it ignored: the
   * gateway would rightly refuse to reload on it. GNU env (coreutils 8.31+) restores the default
   * before exec, so the SIGHUP test checks the gateway, not how the build was launched.
   */
  private static final List<String> SIGHUP_RESTORED = sighupRestored();

  private static List<String> sighupRestored() {
    try {
      Process probe = new ProcessBuilder("env", "--default-signal=HUP", "true").start();
      return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0
          ? List.of("env", "--default-signal=HUP") : List.of();
    } catch (IOException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  private static Process start(Path logs, Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>(SIGHUP_RESTORED);
    command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(logs.toFile())
        .redirectOutput(stdoutOf(logs).toFile())
        .redirectError(stderrOf(logs).toFile());
    CONFIG_VARIABLES.forEach(builder.environment()::remove);
    builder.environment().putAll(env);
    return builder.start();
  }

  /** SIGTERM first, as a container runtime does; SIGKILL when that is not enough. */
  private static void stop(Process process) throws InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(IDLE_SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor(IDLE_SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private static Path stdoutOf(Path logs) {
    return logs.resolve("stdout.log");
  }

  private static Path stderrOf(Path logs) {
    return logs.resolve("stderr.log");
  }

  private static Path jar() {
    String jar = System.getProperty("gateway.jar");
    assertThat(jar).as("system property gateway.jar (set by failsafe after package)").isNotBlank();
    assertThat(Path.of(jar)).isRegularFile();
    return Path.of(jar);
  }

  /** The project version Maven recorded in the jar, which {@code --version} should print. */
  private static String builtVersion() throws IOException {
    try (JarFile jar = new JarFile(jar().toFile());
        InputStream in = jar.getInputStream(jar.getEntry("META-INF/maven/io.dcrgateway/dcr-gateway/pom.properties"))) {
      Properties pom = new Properties();
      pom.load(in);
      return pom.getProperty("version");
    }
  }

  /** The shipped config in {@code <home>/conf}, so its {@code ../certs} lands in {@code home}. */
  private static Path copyShippedConfig(Path home) throws IOException {
    Path shipped = Path.of(System.getProperty("basedir", ".")).resolve("conf/gateway.yaml");
    Path conf = Files.createDirectories(home.resolve("conf"));
    return Files.copy(shipped, conf.resolve("gateway.yaml"));
  }

  /** Five mistakes in one file: a port out of range, a misspelt key and three files that are not there. */
  private static String brokenConfig(int adminPort) {
    return """
        listener:
          host: 127.0.0.1
          port: 70000
          colour: blue
          tls:
            certificate: missing/server-chain.pem
            key: missing/server.key
        trust:
          domains:
            - name: dev
              anchors: [missing/anchors.pem]
        upstream:
          base-url: http://127.0.0.1:1
          registration-path: /register
        admin:
          host: 127.0.0.1
          port: %d
        """.formatted(adminPort);
  }

  /** The keys of {@code <file>: <key>: <message>} lines. */
  private static List<String> problemKeys(String stderr, Path config) {
    String prefix = config + ": ";
    return stderr.lines()
        .filter(line -> line.startsWith(prefix))
        .map(line -> line.substring(prefix.length()))
        .filter(problem -> problem.contains(": "))
        .map(problem -> problem.substring(0, problem.indexOf(": ")))
        .toList();
  }

  private static Path write(Path file, String content) throws IOException {
    return Files.writeString(file, content);
  }


  private static boolean isListening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
