package io.dcrgateway.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.testkit.FreePorts;
import io.dcrgateway.tls.PemCertificates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main job, run as a user runs it: {@code java -jar dcr-gateway.jar dev-stack} with
 * the shipped config in a fresh directory (so the dev PKI is generated there), against the real
 * Keycloak distribution, judged only by what it prints, its exit status and the processes it leaves.
 */
class DevStackIT {

  /** A first Keycloak start on a fresh distribution includes Quarkus augmentation (30-45 s). */
  private static final Duration REGISTERED_WITHIN = Duration.ofSeconds(420);
  /** Gateway drain (idle) plus Keycloak's SIGTERM stop, about 3 s, with margin. */
  private static final Duration STOPPED_WITHIN = Duration.ofSeconds(60);
  private static final List<String> CONFIG_VARIABLES =
      List.of("GATEWAY_HOST", "GATEWAY_PORT", "UPSTREAM_BASE_URL", "ADMIN_HOST", "ADMIN_PORT");
  private static final Pattern FACT =
      Pattern.compile("^  (" + StackReport.CLIENT_ID + "|" + StackReport.BOUND_SUBJECT_DN + "|"
          + Pattern.quote(StackReport.TOKEN_THUMBPRINT) + ") +(\\S.*)$");

  @TempDir
  Path home;

  @Test
  void registersThroughTheGatewayPrintsWhatKeycloakHoldsAndStopsEverythingOnSigterm() throws Exception {
    Path keycloakHome = keycloakHome();
    Path config = copyShippedConfigAndRealm();
    int[] ports = FreePorts.distinct(3);
    int keycloakPort = ports[0];
    Process devStack = start(config, keycloakHome, keycloakPort, ports[1], ports[2]);
    try {
      Map<String, String> facts = awaitFacts(devStack);

      X509Certificate certificate = PemCertificates.read(
          new DevPkiLayout(home.resolve("certs")).client(DevPkiLayout.OFB_TPP1_A).certificate()).get(0);
      assertThat(facts.get(StackReport.CLIENT_ID)).isNotBlank();
      assertThat(facts.get(StackReport.BOUND_SUBJECT_DN)).isEqualTo(certificate.getSubjectX500Principal().getName());
      assertThat(facts.get(StackReport.TOKEN_THUMBPRINT)).isEqualTo(thumbprint(certificate));

      devStack.destroy();
      assertThat(devStack.waitFor(STOPPED_WITHIN.toMillis(), TimeUnit.MILLISECONDS))
          .as("dev-stack exited within %s of SIGTERM", STOPPED_WITHIN).isTrue();
      assertThat(devStack.exitValue()).as("exit status; stderr:%n%s", stderr()).isZero();
      assertThat(keycloakProcesses(keycloakPort)).as("Keycloak processes left on port %d", keycloakPort).isEmpty();
      assertThat(Files.readString(stdout())).contains("dev-stack: stopped");
    } finally {
      devStack.destroyForcibly();
      keycloakProcesses(keycloakPort).forEach(ProcessHandle::destroyForcibly);
    }
  }

  /** Skipped, not failed, without a distribution: {@code -DskipE2E} builds fetch none. */
  private static Path keycloakHome() {
    String property = System.getProperty("keycloak.home", "").trim();
    Assumptions.assumeFalse(property.isEmpty(),
        "dev-stack test skipped: system property keycloak.home is not set (run ./mvnw verify without -DskipE2E)");
    Path dir = Path.of(property).toAbsolutePath();
    Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("bin/kc.sh")),
        "dev-stack test skipped: keycloak.home=" + property + " has no bin/kc.sh");
    return dir;
  }

  /** As in the repository: conf/gateway.yaml with conf/keycloak/dcr-realm.json beside it. */
  private Path copyShippedConfigAndRealm() throws IOException {
    Path repo = Path.of(System.getProperty("basedir", "."));
    Path conf = Files.createDirectories(home.resolve("conf/keycloak"));
    Files.copy(repo.resolve("conf/keycloak/dcr-realm.json"), conf.resolve("dcr-realm.json"));
    return Files.copy(repo.resolve("conf/gateway.yaml"), home.resolve("conf/gateway.yaml"));
  }

  private Process start(Path config, Path keycloakHome, int keycloakPort, int gatewayPort, int adminPort)
      throws IOException {
    String jar = System.getProperty("gateway.jar");
    assertThat(jar).as("system property gateway.jar (set by failsafe after package)").isNotBlank();
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar,
        "dev-stack", "--config", home.relativize(config).toString(),
        "--keycloak-home", keycloakHome.toString(), "--keycloak-port", Integer.toString(keycloakPort))
        .directory(home.toFile())
        .redirectOutput(stdout().toFile())
        .redirectError(stderrFile().toFile());
    CONFIG_VARIABLES.forEach(builder.environment()::remove);
    builder.environment().putAll(Map.of(
        "GATEWAY_HOST", "127.0.0.1",
        "GATEWAY_PORT", Integer.toString(gatewayPort),
        "ADMIN_PORT", Integer.toString(adminPort),
        "UPSTREAM_BASE_URL", "http://127.0.0.1:" + keycloakPort));
    return builder.start();
  }

  /** Polls stdout until the last fact is printed; fails early, with the output, if dev-stack exits. */
  private Map<String, String> awaitFacts(Process devStack) throws Exception {
    Instant deadline = Instant.now().plus(REGISTERED_WITHIN);
    while (true) {
      Map<String, String> facts = new HashMap<>();
      for (String line : Files.readAllLines(stdout())) {
        Matcher fact = FACT.matcher(line);
        if (fact.matches()) {
          facts.put(fact.group(1), fact.group(2));
        }
      }
      if (facts.containsKey(StackReport.TOKEN_THUMBPRINT)) {
        return facts;
      }
      if (!devStack.isAlive()) {
        fail("dev-stack exited with %d before printing the registration; stdout:%n%s%nstderr:%n%s%n%s",
            devStack.exitValue(), Files.readString(stdout()), stderr(), keycloakLogTail());
      }
      if (Instant.now().isAfter(deadline)) {
        fail("no registration printed within %s; stdout:%n%s%nstderr:%n%s%n%s",
            REGISTERED_WITHIN, Files.readString(stdout()), stderr(), keycloakLogTail());
      }
      devStack.waitFor(250, TimeUnit.MILLISECONDS);
    }
  }

  /** Keycloak's JVM (and kc.sh) carry {@code --http-port=<port>} on their command line. */
  private static List<ProcessHandle> keycloakProcesses(int port) {
    String flag = "--http-port=" + port;
    List<ProcessHandle> found = new ArrayList<>();
    ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains(flag)).orElse(false)
            || p.info().arguments().map(args -> List.of(args).contains(flag)).orElse(false))
        .forEach(found::add);
    return found;
  }

  private static String thumbprint(X509Certificate certificate) throws Exception {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
  }


  private Path stdout() {
    return home.resolve("stdout.log");
  }

  private Path stderrFile() {
    return home.resolve("stderr.log");
  }

  private String stderr() throws IOException {
    return Files.readString(stderrFile());
  }

  private String keycloakLogTail() throws IOException {
    Path log = home.resolve("target/keycloak-dev.log");
    if (!Files.exists(log)) {
      return "(no Keycloak log)";
    }
    List<String> lines = Files.readAllLines(log);
    return "--- last lines of " + log + ":\n"
        + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }
}
