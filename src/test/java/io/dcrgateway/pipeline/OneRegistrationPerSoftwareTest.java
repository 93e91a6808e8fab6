package io.dcrgateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.config.GatewayConfig;
import io.dcrgateway.config.RegistrationConfig;
import io.dcrgateway.config.RegistrationConfig.OneRegistration;
import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.devpki.DevPkiManifest;
import io.dcrgateway.devpki.SoftwareStatementMinter;
import io.dcrgateway.testkit.GatewayFixture;
import io.dcrgateway.testkit.OfbDirectory;
import io.dcrgateway.testkit.RecordingUpstream;
import io.dcrgateway.testkit.SharedDevPki;
import io.dcrgateway.testkit.TestConfigs;
import io.dcrgateway.testkit.TppClient;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC BR-18 (OFB DCR 9.3.1-5), when configured: "Multiple DCR registrations for the same Software
 * Statement should not be allowed". The software may register again once its client is deleted
 * through the gateway, or when the identity server did not register the first.
 */
public class OneRegistrationPerSoftwareTest {

  private GatewayFixture fixture;
  private RecordingUpstream upstream;
  private final AtomicInteger clients = new AtomicInteger();
  private volatile int registrationStatus = 201;

  @BeforeEach
  void start() throws Exception {
    fixture = GatewayFixture.start(OneRegistrationPerSoftwareTest::enforcing);
    upstream = fixture.upstream();
    upstream.respondWith(request -> {
      switch (request.method().name()) {
        case "POST" -> request.response().setStatusCode(registrationStatus).putHeader("Content-Type", "application/json")
            .end(registrationStatus == 201 ? new JsonObject().put("client_id", "client-" + clients.incrementAndGet()).encode()
                : new JsonObject().put("error", "invalid_client_metadata").encode());
        case "DELETE" -> request.response().setStatusCode(204).end();
        default -> request.response().setStatusCode(200).end("{}");
      }
    });
  }

  @AfterEach
  void stop() throws Exception {
    fixture.close();
  }

  public static GatewayConfig enforcing(GatewayConfig config) {
    GatewayConfig ofb = OfbDirectory.withProfile(config, "open-finance-brasil");
    RegistrationConfig r = ofb.registration();
    return TestConfigs.withRegistration(ofb, new RegistrationConfig(r.profile(), r.publicBaseUrl(), r.signedRequests(),
        r.audience(), r.directories(), r.profiles(), new OneRegistration(true, "invalid_client_metadata", Optional.empty())));
  }

  @Test
  void aSecondRegistrationOfTheSameSoftwareIsRefusedUntilTheFirstClientIsDeleted() throws Exception {
    HttpResponse<Buffer> first = register(DevPkiLayout.OFB_TPP1_A);
    // Another certificate of the same software, with a fresh statement: still the same software.
    HttpResponse<Buffer> second = register(DevPkiLayout.OFB_TPP1_B);

    assertThat(first.statusCode()).as(first.bodyAsString()).isEqualTo(201);
    assertThat(second.statusCode()).isEqualTo(400);
    assertThat(second.bodyAsJsonObject().getString("error")).isEqualTo("invalid_client_metadata");
    assertThat(second.bodyAsJsonObject().getString("error_description"))
        .contains("already has client client-1 registered through this gateway").contains("DELETE");
    assertThat(upstream.received()).hasSize(1);

    HttpResponse<Buffer> deleted = send(DevPkiLayout.OFB_TPP1_A, HttpMethod.DELETE, "/register/client-1");
    HttpResponse<Buffer> again = register(DevPkiLayout.OFB_TPP1_B);

    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(again.statusCode()).as(again.bodyAsString()).isEqualTo(201);
    assertThat(again.bodyAsJsonObject().getString("client_id")).isEqualTo("client-2");
  }

  @Test
  void aRegistrationTheIdentityServerRefusedDoesNotCount() throws Exception {
    registrationStatus = 400;
    HttpResponse<Buffer> refused = register(DevPkiLayout.OFB_TPP1_A);
    registrationStatus = 201;
    HttpResponse<Buffer> accepted = register(DevPkiLayout.OFB_TPP1_A);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(accepted.statusCode()).as(accepted.bodyAsString()).isEqualTo(201);
  }

  @Test
  void anotherSoftwareIsNotHeldBack() throws Exception {
    assertThat(register(DevPkiLayout.OFB_TPP1_A).statusCode()).isEqualTo(201);
    assertThat(register(DevPkiLayout.OFB_TPP2).statusCode()).isEqualTo(201);
  }

  @Test
  void theRefusalIsAudited() throws Exception {
    register(DevPkiLayout.OFB_TPP1_A);
    register(DevPkiLayout.OFB_TPP1_A);

    JsonObject record = fixture.gateway().audit().await(1);
    assertThat(record.getString("outcome")).isEqualTo("rejected");
    assertThat(record.getString("reason")).isEqualTo("registration.software-already-registered");
  }

  private HttpResponse<Buffer> register(String client) throws Exception {
    JsonObject body = OpenFinanceRegistrationTest.request(
        SoftwareStatementMinter.forClient(DevPkiManifest.read(SharedDevPki.layout().root()), client));
    return TppClient.create(fixture.vertx(), client).request(HttpMethod.POST, fixture.gateway().port(), "127.0.0.1",
        "/register").putHeader("Content-Type", "application/json").sendBuffer(body.toBuffer()).await(30, TimeUnit.SECONDS);
  }

  private HttpResponse<Buffer> send(String client, HttpMethod method, String path) throws Exception {
    return TppClient.create(fixture.vertx(), client).request(method, fixture.gateway().port(), "127.0.0.1", path)
        .putHeader("Authorization", "Bearer rat").send().await(30, TimeUnit.SECONDS);
  }
}
