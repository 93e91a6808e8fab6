package io.dcrgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.config.TrustConfig.Revocation;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trust.domains[].revocation}: off unless asked, every key read and checked with its name. */
class RevocationConfigTest {

  @TempDir
  Path dir;

  @Test
  void revocationIsOffWhenNotConfigured() {
    assertThat(ConfigFixture.minimal(dir).load().trust().domains().get(0).revocation()).isEqualTo(Revocation.OFF);
  }

  @Test
  void readsModeOcspAndCrlSettings() {
    ConfigFixture fixture = ConfigFixture.minimal(dir).file("issuing.crl");
    GatewayConfig config = fixture.with("trust.domains[0].revocation", Map.of(
            "mode", "hard-fail",
            "ocsp", Map.of("responder-url", "http://ocsp.example/", "timeout", "2s", "max-age", "12h"),
            "crl", Map.of("files", List.of("issuing.crl"), "fetch-distribution-points", "false", "timeout", "4s")))
        .load();

    assertThat(config.trust().domains().get(0).revocation()).isEqualTo(new Revocation(Revocation.Mode.HARD_FAIL,
        new Revocation.Ocsp(true, Optional.of(URI.create("http://ocsp.example/")), Duration.ofSeconds(2), Duration.ofHours(12)),
        new Revocation.Crl(true, List.of(dir.resolve("issuing.crl")), false, Duration.ofSeconds(4))));
  }

  @Test
  void reportsEachBadRevocationKeyByName() {
    assertThat(ConfigFixture.minimal(dir).with("trust.domains[0].revocation", Map.of(
            "mode", "strict",
            "ocsp", Map.of("responder-url", "ldap://ocsp.example", "max-age", "10s"),
            "crl", Map.of("files", List.of("missing.crl"), "refresh", "1h")))
        .problems())
        .containsExactlyInAnyOrder(
            new ConfigProblem("trust.domains[0].revocation.mode", "must be off, soft-fail or hard-fail, got \"strict\""),
            new ConfigProblem("trust.domains[0].revocation.ocsp.responder-url",
                "must be an http or https URL of an OCSP responder, got \"ldap://ocsp.example\""),
            new ConfigProblem("trust.domains[0].revocation.ocsp.max-age", "must be between 1m and 720h, got \"10s\""),
            new ConfigProblem("trust.domains[0].revocation.crl.refresh", "unknown key (allowed here: enabled, files, fetch-distribution-points, timeout)"),
            new ConfigProblem("trust.domains[0].revocation.crl.files[0]", "file not found: " + dir.resolve("missing.crl")));
  }

  @Test
  void aModeWithBothMethodsDisabledIsAMistake() {
    assertThat(ConfigFixture.minimal(dir).with("trust.domains[0].revocation", Map.of(
            "mode", "soft-fail", "ocsp", Map.of("enabled", "false"), "crl", Map.of("enabled", "false")))
        .problems())
        .containsExactly(new ConfigProblem("trust.domains[0].revocation.mode",
            "is soft-fail but both ocsp.enabled and crl.enabled are false; enable one or use off"));
  }
}
