package io.dcrgateway.state;

import static io.dcrgateway.state.GatewayInstances.newRegistration;
import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.config.GatewayConfig;
import io.dcrgateway.config.StateConfig;
import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.testkit.RunningGateway;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8: two gateway instances behind one balancer share replay and ownership through a real
 * Redis. A statement used at one is refused at the other; a client registered at one is managed
 * at the other, by its own software only; Redis down means 503 and not ready, and both come back
 * with Redis.
 */
class SharedStateAcrossInstancesTest {

  @TempDir
  Path dir;

  private RedisServer redis;
  private GatewayInstances instances;
  private RunningGateway first;
  private RunningGateway second;

  @BeforeEach
  void start() throws Exception {
    redis = RedisServer.start(dir);
    instances = GatewayInstances.start();
    first = instances.instance(config());
    second = instances.instance(config());
  }

  @AfterEach
  void stop() throws Exception {
    RedisProcess.closeAll(Arrays.asList(instances, redis));
  }

  @Test
  void aStatementRegisteredAtOneInstanceIsRefusedAsAReplayAtTheOther() throws Exception {
    instances.assertReplayRefusedAcross(first, second);
  }

  @Test
  void aClientRegisteredAtOneInstanceIsManagedAtTheOtherByItsOwnSoftwareOnly() throws Exception {
    HttpResponse<Buffer> registered = instances.register(first, DevPkiLayout.OFB_TPP1_A,
        newRegistration(DevPkiLayout.OFB_TPP1_A));
    String clientId = registered.bodyAsJsonObject().getString("client_id");

    HttpResponse<Buffer> byOwner = instances.send(second, DevPkiLayout.OFB_TPP1_B, HttpMethod.GET, "/register/" + clientId);
    HttpResponse<Buffer> byOtherOrganisation = instances.send(second, DevPkiLayout.OFB_TPP2, HttpMethod.GET,
        "/register/" + clientId);

    assertThat(registered.statusCode()).isEqualTo(201);
    assertThat(byOwner.statusCode()).as(byOwner.bodyAsString()).isEqualTo(200);
    assertThat(byOtherOrganisation.statusCode()).isEqualTo(401);
    assertThat(byOtherOrganisation.bodyAsJsonObject().getString("error")).isEqualTo("invalid_client");
  }

  @Test
  void aSoftwareRegisteredAtOneInstanceIsRefusedASecondRegistrationAtTheOther() throws Exception {
    HttpResponse<Buffer> atFirst = instances.register(first, DevPkiLayout.OFB_TPP1_A, newRegistration(DevPkiLayout.OFB_TPP1_A));
    HttpResponse<Buffer> atSecond = instances.register(second, DevPkiLayout.OFB_TPP1_B, newRegistration(DevPkiLayout.OFB_TPP1_B));

    assertThat(atFirst.statusCode()).isEqualTo(201);
    assertThat(atSecond.statusCode()).isEqualTo(400);
    assertThat(atSecond.bodyAsJsonObject().getString("error_description")).contains("already has client client-1");
    assertThat(instances.upstream().received()).hasSize(1);
  }

  @Test
  void aCertificatesRateLimitIsOneBudgetAcrossInstances() throws Exception {
    RunningGateway limitedFirst = instances.instance(GatewayInstances.rateLimited(config()));
    RunningGateway limitedSecond = instances.instance(GatewayInstances.rateLimited(config()));
    instances.assertOneRateBudgetAcross(limitedFirst, limitedSecond);
  }

  @Test
  void redisDownMeans503AndNotReadyAndBothInstancesRecoverWithIt() throws Exception {
    redis.stop();

    HttpResponse<Buffer> whileDown = instances.register(first, DevPkiLayout.OFB_TPP1_A, newRegistration(DevPkiLayout.OFB_TPP1_A));

    assertThat(whileDown.statusCode()).isEqualTo(503);
    assertThat(whileDown.bodyAsJsonObject().getString("error")).isEqualTo("temporarily_unavailable");
    assertThat(instances.upstream().received()).isEmpty();
    instances.awaitReadiness(first, 503);
    instances.awaitReadiness(second, 503);
    assertThat(instances.scrape(first)).contains("dcr_gateway_shared_state_available{store=\"redis\"} 0.0");

    redis.start();
    instances.awaitReadiness(first, 200);
    instances.awaitReadiness(second, 200);
    HttpResponse<Buffer> afterRestart = instances.register(second, DevPkiLayout.OFB_TPP1_A,
        newRegistration(DevPkiLayout.OFB_TPP1_A));

    assertThat(afterRestart.statusCode()).as(afterRestart.bodyAsString()).isEqualTo(201);
    assertThat(instances.scrape(second)).contains("dcr_gateway_shared_state_available{store=\"redis\"} 1.0");
  }

  private GatewayConfig config() {
    return instances.config(GatewayInstances.redis(StateConfig.RedisType.STANDALONE, List.of(redis.url()),
        Optional.empty(), "test:"));
  }
}
