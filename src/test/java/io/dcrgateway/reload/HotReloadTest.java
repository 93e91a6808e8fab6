package io.dcrgateway.reload;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.audit.AuditLog;
import io.dcrgateway.config.ConfigLoader;
import io.dcrgateway.config.FileChecks;
import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.devpki.IssuedCertificate;
import io.dcrgateway.metrics.GatewayMetrics;
import io.dcrgateway.server.GatewayServer;
import io.dcrgateway.server.Preflight;
import io.dcrgateway.testkit.RawTls;
import io.dcrgateway.testkit.RecordingUpstream;
import io.dcrgateway.testkit.SharedDevPki;
import io.dcrgateway.testkit.TestVertx;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5, hot reload: trust, server certificate, rules and files change under a running gateway
 * without dropping a connection; a config that fails is refused whole and the running one stays.
 */
class HotReloadTest {

  private static final DevPkiLayout PKI = SharedDevPki.layout();
  private static final String EMPTY_REGISTRATION = "{\"redirect_uris\":[\"https://tpp.example/cb\"]}";

  @TempDir
  Path dir;

  private Vertx vertx;
  private RecordingUpstream upstream;
  private ConfigOnDisk config;
  private GatewayServer server;
  private GatewayMetrics metrics;
  private final List<JsonObject> audit = new CopyOnWriteArrayList<>();
  private Reloader reloader;

  @BeforeEach
  void start() throws Exception {
    vertx = TestVertx.create();
    upstream = RecordingUpstream.start(vertx);
    config = new ConfigOnDisk(dir, PKI, upstream.baseUrl());
    ConfigLoader.Loaded loaded = ConfigLoader.loadWithFiles(config.file, Map.<String, String>of()::get,
        FileChecks.REQUIRE_ALL);
    metrics = GatewayMetrics.create();
    AuditLog log = new AuditLog(audit::add);
    server = GatewayServer.start(vertx, loaded.config(), Preflight.of(loaded.config()), log, metrics)
        .await(20, TimeUnit.SECONDS);
    reloader = new Reloader(vertx, config.file, Map.<String, String>of()::get, loaded.files(), server, metrics, log);
  }

  @AfterEach
  void stop() throws Exception {
    server.stop(1000).await(20, TimeUnit.SECONDS);
    upstream.close();
    vertx.close().await(20, TimeUnit.SECONDS);
  }

  @Test
  void aRenewedServerCertificateIsServedToNewConnectionsWhileAnOpenOneCarriesOn() throws Exception {
    try (RawTls open = RawTls.open(server.port(), Optional.of(DevPkiLayout.OFB_TPP1_A))) {
      X509Certificate before = open.serverCertificate();
      assertThat(open.post("/register", EMPTY_REGISTRATION).status()).isEqualTo(201);

      IssuedCertificate renewed = config.renewServerCertificate();
      ReloadOutcome outcome = reload("test");

      assertThat(outcome.applied()).as("%s", outcome.problems()).isTrue();
      assertThat(open.post("/register", EMPTY_REGISTRATION).status()).isEqualTo(201);
      assertThat(open.serverCertificate()).isEqualTo(before);
      try (RawTls fresh = RawTls.open(server.port(), Optional.of(DevPkiLayout.OFB_TPP1_A))) {
        assertThat(fresh.serverCertificate()).isEqualTo(renewed.certificate());
        assertThat(fresh.post("/register", EMPTY_REGISTRATION).status()).isEqualTo(201);
      }
    }
    assertThat(upstream.received()).hasSize(3);
    assertThat(reloadsCounted("ok")).isEqualTo(1.0);
  }

  @Test
  void aConfigThatFailsValidationIsRefusedAndTheRunningOneKeepsServing() throws Exception {
    X509Certificate served;
    try (RawTls before = RawTls.open(server.port(), Optional.empty())) {
      served = before.serverCertificate();
    }
    config.replace("anchors.pem", "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");

    ReloadOutcome outcome = reload("test");

    assertThat(outcome.applied()).isFalse();
    assertThat(outcome.problems()).anySatisfy(problem -> assertThat(problem).startsWith("trust.domains[0].anchors[0]"));
    assertThat(reloadsCounted("failed")).isEqualTo(1.0);
    assertThat(reloadsCounted("ok")).isEqualTo(0.0);
    try (RawTls after = RawTls.open(server.port(), Optional.of(DevPkiLayout.OFB_TPP1_A))) {
      assertThat(after.serverCertificate()).isEqualTo(served);
      assertThat(after.post("/register", EMPTY_REGISTRATION).status()).isEqualTo(201);
    }
    JsonObject record = reloadRecords().get(0);
    assertThat(record.getString("outcome")).isEqualTo("refused");
    assertThat(record.getString("trigger")).isEqualTo("test");
    assertThat(record.getJsonArray("problems").getString(0)).startsWith("trust.domains[0].anchors[0]");
  }

  @Test
  void aYamlErrorIsRefusedWithItsKey() throws Exception {
    Files.writeString(config.file, Files.readString(config.file).replace("idle-timeout: 60s", "idle-timout: 60s"));

    ReloadOutcome outcome = reload("test");

    assertThat(outcome.applied()).isFalse();
    assertThat(outcome.problems()).anySatisfy(problem -> assertThat(problem).contains("listener.idle-timout"));
  }

  @Test
  void aTrustAnchorRemovedRefusesTheNextRequestOnAnAlreadyVerifiedConnection() throws Exception {
    try (RawTls open = RawTls.open(server.port(), Optional.of(DevPkiLayout.OFB_TPP1_A))) {
      assertThat(open.post("/register", EMPTY_REGISTRATION).status()).isEqualTo(201);
      // The TPP ecosystem's root is withdrawn: only an unrelated CA is trusted now.
      config.replace("anchors.pem", Files.readString(PKI.untrustedCa().certificate()));
      config.replace("intermediates.pem", Files.readString(PKI.untrustedCa().certificate()));

      assertThat(reload("test").applied()).isTrue();
      RawTls.Reply answer = open.post("/register", EMPTY_REGISTRATION);

      assertThat(answer.status()).isEqualTo(401);
      assertThat(new JsonObject(answer.body()).getString("error")).isEqualTo("invalid_client");
    }
    assertThat(upstream.received()).hasSize(1);
  }

  @Test
  void changedRulesApplyToTheNextRequest() throws Exception {
    try (RawTls open = RawTls.open(server.port(), Optional.of(DevPkiLayout.OFB_TPP1_A))) {
      assertThat(open.post("/register", EMPTY_REGISTRATION).status()).isEqualTo(201);
      config.write(true, "60s");

      ReloadOutcome outcome = reload("test");
      RawTls.Reply answer = open.post("/register", EMPTY_REGISTRATION);

      assertThat(outcome.applied()).as("%s", outcome.problems()).isTrue();
      assertThat(answer.status()).isEqualTo(400);
      assertThat(new JsonObject(answer.body()).getString("error")).isEqualTo("invalid_software_statement");
    }
  }

  @Test
  void aChangeThatNeedsARestartIsNamedAndTheRestIsApplied() throws Exception {
    config.write(true, "30s");

    ReloadOutcome outcome = reload("test");

    assertThat(outcome.applied()).as("%s", outcome.problems()).isTrue();
    assertThat(outcome.restartRequired()).containsExactly("listener.idle-timeout");
    assertThat(reloadRecords().get(0).getJsonArray("restart_required").getList()).containsExactly("listener.idle-timeout");
    assertThat(server.config().registration().profiles().get(0).requireSoftwareStatement()).isTrue();
  }

  @Test
  void changedFilesAreReloadedOnceTheySettle() throws Exception {
    FileWatch watch = FileWatch.start(vertx, Duration.ofMillis(50), reloader::watchedFiles,
        changed -> reloader.reload("files changed: " + changed));
    try {
      // A change before the first look would be the baseline, not a change.
      watch.baseline().await(30, TimeUnit.SECONDS);
      IssuedCertificate renewed = config.renewServerCertificate();

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (reloadsCounted("ok") < 1 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }

      assertThat(reloadsCounted("ok")).isEqualTo(1.0);
      assertThat(reloadsCounted("failed")).isEqualTo(0.0);
      assertThat(reloadRecords().get(0).getString("trigger")).contains("server-chain.pem").contains("server.key");
      try (RawTls fresh = RawTls.open(server.port(), Optional.empty())) {
        assertThat(fresh.serverCertificate()).isEqualTo(renewed.certificate());
      }
    } finally {
      watch.stop();
    }
  }

  private ReloadOutcome reload(String trigger) throws Exception {
    return reloader.reload(trigger).await(30, TimeUnit.SECONDS);
  }

  private List<JsonObject> reloadRecords() {
    return audit.stream().filter(record -> "reload".equals(record.getString("event"))).toList();
  }

  private double reloadsCounted(String result) {
    var counter = metrics.registry().find("dcr_gateway_reloads").tag("result", result).counter();
    return counter == null ? 0.0 : counter.count();
  }
}
