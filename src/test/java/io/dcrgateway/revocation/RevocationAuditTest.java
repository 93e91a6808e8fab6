package io.dcrgateway.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.config.TrustConfig.Revocation;
import io.dcrgateway.config.TrustConfig.Revocation.Mode;
import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.testkit.GatewayFixture;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5: "soft-fail (unknown -> allowed, counted and audited)". The audit record of every
 * request names the revocation verdict on its certificate and what it rests on, so a certificate
 * let through without a revocation answer can be found afterwards; refused ones too.
 */
class RevocationAuditTest {

  @TempDir
  static Path dir;

  private static OpensslOcspResponder responder;
  private static URI down;
  private static final List<GatewayFixture> gateways = new ArrayList<>();

  @BeforeAll
  static void startResponder() throws Exception {
    responder = OpensslOcspResponder.start(RevocationPki.index(dir), RevocationPki.LAYOUT.tppIssuingCa().certificate(),
        RevocationPki.LAYOUT.ocspResponder().certificate(), RevocationPki.LAYOUT.ocspResponder().privateKey(),
        dir.resolve("responder.log"), "-nmin", "10");
    down = OpensslOcspResponder.nothingListening();
  }

  @AfterAll
  static void stop() throws Exception {
    for (GatewayFixture gateway : gateways) {
      gateway.close();
    }
    responder.close();
  }

  @Test
  void softFailLetsTheCertificateThroughWhenTheResponderIsDownAndAuditsItAsUnknownAllowed() throws Exception {
    GatewayFixture fixture = gateway(RevocationConfigs.ocspOnly(Mode.SOFT_FAIL, down));

    JsonObject audited = registerAndAudit(fixture, DevPkiLayout.OFB_TPP1_A, 201);

    assertThat(fixture.upstream().received()).hasSize(1);
    assertThat(audited.getString("outcome")).isEqualTo("forwarded");
    JsonObject certificate = audited.getJsonObject("certificate");
    assertThat(certificate.getString("trust_domain")).isEqualTo("dev");
    JsonObject revocation = certificate.getJsonObject("revocation");
    assertThat(revocation.getString("verdict")).isEqualTo("unknown-allowed");
    assertThat(revocation.getString("detail")).startsWith("OCSP responder unavailable:");
  }

  @Test
  void aGoodAnswerIsAuditedWithTheResponderThatSignedIt() throws Exception {
    GatewayFixture fixture = gateway(RevocationConfigs.ocspOnly(Mode.SOFT_FAIL, responder.url()));

    JsonObject revocation = registerAndAudit(fixture, DevPkiLayout.OFB_TPP1_A, 201)
        .getJsonObject("certificate").getJsonObject("revocation");

    assertThat(revocation.getString("verdict")).isEqualTo("good");
    assertThat(revocation.getString("detail")).startsWith("OCSP: good (signed by");
  }

  @Test
  void aRevokedCertificateIsRefusedAndAuditedWithItsTrustDomainAndVerdict() throws Exception {
    GatewayFixture fixture = gateway(RevocationConfigs.ocspOnly(Mode.SOFT_FAIL, responder.url()));

    JsonObject audited = registerAndAudit(fixture, DevPkiLayout.REVOKED, 401);

    assertThat(fixture.upstream().received()).isEmpty();
    assertThat(audited.getString("reason")).isEqualTo(RevocationOutcome.REVOKED_REASON);
    JsonObject certificate = audited.getJsonObject("certificate");
    assertThat(certificate.getString("trust_domain")).isEqualTo("dev");
    assertThat(certificate.getString("serial"))
        .isEqualTo(RevocationPki.client(DevPkiLayout.REVOKED).getSerialNumber().toString(16));
    assertThat(certificate.getJsonObject("revocation").getString("verdict")).isEqualTo("revoked");
    assertThat(certificate.getJsonObject("revocation").getString("detail")).contains("keyCompromise");
  }

  @Test
  void hardFailRefusesWhenTheResponderIsDownAndAuditsWhyTheStatusIsUnknown() throws Exception {
    GatewayFixture fixture = gateway(RevocationConfigs.ocspOnly(Mode.HARD_FAIL, down));

    JsonObject audited = registerAndAudit(fixture, DevPkiLayout.OFB_TPP1_A, 401);

    assertThat(fixture.upstream().received()).isEmpty();
    assertThat(audited.getString("reason")).isEqualTo(RevocationOutcome.UNKNOWN_REASON);
    JsonObject revocation = audited.getJsonObject("certificate").getJsonObject("revocation");
    assertThat(revocation.getString("verdict")).isEqualTo("unknown-refused");
    assertThat(revocation.getString("detail")).startsWith("OCSP responder unavailable:");
  }

  @Test
  void withRevocationOffTheRecordCarriesNoRevocationVerdict() throws Exception {
    GatewayFixture fixture = gateway(Revocation.OFF);

    JsonObject certificate = registerAndAudit(fixture, DevPkiLayout.OFB_TPP1_A, 201).getJsonObject("certificate");

    assertThat(certificate.getString("trust_domain")).isEqualTo("dev");
    assertThat(certificate.containsKey("revocation")).isFalse();
  }

  private static GatewayFixture gateway(Revocation revocation) throws Exception {
    GatewayFixture fixture = RevocationOverTls.gateway(revocation);
    gateways.add(fixture);
    return fixture;
  }

  /** One registration on a fresh TLS session, its status, and its audit record. */
  private static JsonObject registerAndAudit(GatewayFixture fixture, String client, int status) throws Exception {
    int before = fixture.gateway().audit().events().size();
    HttpResponse<Buffer> response = RevocationOverTls.register(fixture, client);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    if (status == 401) {
      assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("invalid_client");
    }
    JsonObject audited = fixture.gateway().audit().await(before);
    assertThat(audited.getInteger("status")).isEqualTo(status);
    return audited;
  }
}
