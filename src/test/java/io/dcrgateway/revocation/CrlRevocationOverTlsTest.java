package io.dcrgateway.revocation;

import io.dcrgateway.config.TrustConfig.Revocation.Mode;
import io.dcrgateway.devpki.CrlIssuer;
import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.testkit.GatewayFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CRL files over real mutual TLS, with real CRLs signed by BouncyCastle: a serial on a current
 * CRL of the issuing CA is refused in both modes; a stale CRL (nextUpdate passed), a CRL signed by
 * a rogue CA with the issuing CA's very name, and a CRL file that cannot be read prove nothing:
 * soft-fail lets the client through, hard-fail refuses it.
 */
class CrlRevocationOverTlsTest {

  private static final String REVOKED = RevocationOutcome.REVOKED_REASON;
  private static final String UNKNOWN = RevocationOutcome.UNKNOWN_REASON;

  @TempDir
  static Path dir;

  private static final Map<String, Path> crls = new HashMap<>();
  private static final Map<String, GatewayFixture> gateways = new HashMap<>();

  @BeforeAll
  static void writeCrls() throws Exception {
    Instant now = Instant.now();
    crls.put("current", RevocationPki.write(dir.resolve("current.crl"), RevocationPki.crl(now.plus(Duration.ofDays(1))).issue()));
    crls.put("stale", RevocationPki.write(dir.resolve("stale.crl"), CrlIssuer.by(RevocationPki.issuingCa())
        .validity(now.minus(Duration.ofDays(8)), now.minus(Duration.ofDays(1))).issue()));
    crls.put("rogue-signed", RevocationPki.write(dir.resolve("rogue.crl"), CrlIssuer.by(RevocationPki.rogueCa())
        .validity(now.minusSeconds(60), now.plus(Duration.ofDays(1))).issue()));
    crls.put("unreadable", dir.resolve("absent.crl"));
  }

  @AfterAll
  static void stop() throws Exception {
    for (GatewayFixture fixture : gateways.values()) {
      fixture.close();
    }
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(Mode.SOFT_FAIL, "current", DevPkiLayout.OFB_TPP1_A, null),
        Arguments.of(Mode.SOFT_FAIL, "current", DevPkiLayout.REVOKED, REVOKED),
        Arguments.of(Mode.SOFT_FAIL, "stale", DevPkiLayout.OFB_TPP1_A, null),
        Arguments.of(Mode.SOFT_FAIL, "rogue-signed", DevPkiLayout.OFB_TPP1_A, null),
        Arguments.of(Mode.SOFT_FAIL, "unreadable", DevPkiLayout.OFB_TPP1_A, null),
        Arguments.of(Mode.HARD_FAIL, "current", DevPkiLayout.OFB_TPP1_A, null),
        Arguments.of(Mode.HARD_FAIL, "current", DevPkiLayout.REVOKED, REVOKED),
        Arguments.of(Mode.HARD_FAIL, "stale", DevPkiLayout.OFB_TPP1_A, UNKNOWN),
        Arguments.of(Mode.HARD_FAIL, "rogue-signed", DevPkiLayout.OFB_TPP1_A, UNKNOWN),
        Arguments.of(Mode.HARD_FAIL, "unreadable", DevPkiLayout.OFB_TPP1_A, UNKNOWN),
        Arguments.of(Mode.OFF, "current", DevPkiLayout.REVOKED, null));
  }

  @ParameterizedTest(name = "{0}, {1} CRL, {2}: {3}")
  @MethodSource("cases")
  void decidesByModeAndCrl(Mode mode, String crl, String client, String reason) throws Exception {
    String key = mode + "/" + crl;
    if (!gateways.containsKey(key)) {
      gateways.put(key, RevocationOverTls.gateway(RevocationConfigs.crlOnly(mode, List.of(crls.get(crl)))));
    }
    GatewayFixture fixture = gateways.get(key);
    fixture.upstream().clear();

    RevocationOverTls.assertOutcome(fixture, RevocationOverTls.register(fixture, client), Optional.ofNullable(reason));
  }
}
