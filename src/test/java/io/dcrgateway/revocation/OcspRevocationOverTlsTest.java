package io.dcrgateway.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.config.TrustConfig.Revocation.Mode;
import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.testkit.GatewayFixture;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * OCSP over real mutual TLS against real {@code openssl ocsp} responders, in each mode: a revoked
 * certificate is refused in soft-fail and hard-fail alike; "unknown", a responder that is down and
 * an answer signed by a responder the CA never authorised are let through by soft-fail (and
 * counted) and refused by hard-fail; with revocation off nothing is asked.
 */
class OcspRevocationOverTlsTest {

  private static final String REVOKED = RevocationOutcome.REVOKED_REASON;
  private static final String UNKNOWN = RevocationOutcome.UNKNOWN_REASON;

  @TempDir
  static Path dir;

  private static OpensslOcspResponder authorised;
  private static OpensslOcspResponder unauthorised;
  private static URI down;
  private static final Map<String, GatewayFixture> gateways = new HashMap<>();

  @BeforeAll
  static void startResponders() throws Exception {
    Path index = RevocationPki.index(dir);
    Path issuingCa = RevocationPki.LAYOUT.tppIssuingCa().certificate();
    authorised = OpensslOcspResponder.start(index, issuingCa, RevocationPki.LAYOUT.ocspResponder().certificate(),
        RevocationPki.LAYOUT.ocspResponder().privateKey(), dir.resolve("authorised.log"), "-nmin", "10");
    Path rogue = RevocationPki.write(dir.resolve("unauthorised.pem"), RevocationPki.unauthorisedResponder());
    unauthorised = OpensslOcspResponder.start(index, issuingCa, rogue, dir.resolve("unauthorised.pem.key"),
        dir.resolve("unauthorised.log"), "-nmin", "10");
    down = OpensslOcspResponder.nothingListening();
  }

  @AfterAll
  static void stop() throws Exception {
    for (GatewayFixture fixture : gateways.values()) {
      fixture.close();
    }
    authorised.close();
    unauthorised.close();
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        outcome(Mode.OFF, "authorised", DevPkiLayout.OFB_TPP1_A, null),
        outcome(Mode.OFF, "authorised", DevPkiLayout.REVOKED, null),
        outcome(Mode.OFF, "down", DevPkiLayout.OFB_TPP1_A, null),
        outcome(Mode.SOFT_FAIL, "authorised", DevPkiLayout.OFB_TPP1_A, null),
        outcome(Mode.SOFT_FAIL, "authorised", DevPkiLayout.REVOKED, REVOKED),
        outcome(Mode.SOFT_FAIL, "authorised", DevPkiLayout.OFB_TPP2, null),
        outcome(Mode.SOFT_FAIL, "down", DevPkiLayout.OFB_TPP1_A, null),
        outcome(Mode.SOFT_FAIL, "unauthorised", DevPkiLayout.OFB_TPP1_A, null),
        outcome(Mode.HARD_FAIL, "authorised", DevPkiLayout.OFB_TPP1_A, null),
        outcome(Mode.HARD_FAIL, "authorised", DevPkiLayout.REVOKED, REVOKED),
        outcome(Mode.HARD_FAIL, "authorised", DevPkiLayout.OFB_TPP2, UNKNOWN),
        outcome(Mode.HARD_FAIL, "down", DevPkiLayout.OFB_TPP1_A, UNKNOWN),
        outcome(Mode.HARD_FAIL, "down", DevPkiLayout.REVOKED, UNKNOWN),
        outcome(Mode.HARD_FAIL, "unauthorised", DevPkiLayout.OFB_TPP1_A, UNKNOWN),
        outcome(Mode.HARD_FAIL, "unauthorised", DevPkiLayout.REVOKED, UNKNOWN));
  }

  @ParameterizedTest(name = "{0}, responder {1}, {2}: {3}")
  @MethodSource("cases")
  void decidesByModeAndAnswer(Mode mode, String responder, String client, String reason) throws Exception {
    GatewayFixture fixture = gateway(mode, responder);
    fixture.upstream().clear();
    double allowedBefore = RevocationOverTls.decisions(fixture, "unknown-allowed");

    RevocationOverTls.assertOutcome(fixture, RevocationOverTls.register(fixture, client), Optional.ofNullable(reason));

    boolean softFailed = mode == Mode.SOFT_FAIL && reason == null
        && !(responder.equals("authorised") && client.equals(DevPkiLayout.OFB_TPP1_A));
    // soft-fail lets an unknown status through, but counts it.
    assertThat(RevocationOverTls.decisions(fixture, "unknown-allowed") - allowedBefore).isEqualTo(softFailed ? 1 : 0);
  }

  private static GatewayFixture gateway(Mode mode, String responder) throws Exception {
    String key = mode + "/" + responder;
    if (!gateways.containsKey(key)) {
      URI url = switch (responder) {
        case "authorised" -> authorised.url();
        case "unauthorised" -> unauthorised.url();
        default -> down;
      };
      gateways.put(key, RevocationOverTls.gateway(RevocationConfigs.ocspOnly(mode, url)));
    }
    return gateways.get(key);
  }

  private static Arguments outcome(Mode mode, String responder, String client, String reason) {
    return Arguments.of(mode, responder, client, reason);
  }
}
