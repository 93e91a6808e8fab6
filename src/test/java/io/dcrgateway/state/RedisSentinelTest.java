package io.dcrgateway.state;

import static io.dcrgateway.state.GatewayInstances.newRegistration;
import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.config.GatewayConfig;
import io.dcrgateway.config.StateConfig;
import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.testkit.RunningGateway;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, Redis Sentinel: two gateway instances configured with the Sentinel only
 * ({@code type: sentinel}) find the master through it, share replay state there, and follow a
 * failover by themselves. What survives a failover is what had reached the replica: Redis
 * replicates asynchronously, so these tests wait for replication before they switch, and the
 * README says what that means for entries written in the last moments before a failover.
 */
class RedisSentinelTest {

  @TempDir
  Path dir;

  private RedisSentinelSetup redis;
  private GatewayInstances instances;
  private RunningGateway first;
  private RunningGateway second;

  @BeforeEach
  void start() throws Exception {
    redis = RedisSentinelSetup.start(dir);
    instances = GatewayInstances.start();
    first = instances.instance(config());
    second = instances.instance(config());
  }

  @AfterEach
  void stop() throws Exception {
    RedisProcess.closeAll(Arrays.asList(instances, redis));
  }

  @Test
  void aStatementRegisteredAtOneInstanceIsRefusedAsAReplayAtTheOtherThroughSentinel() throws Exception {
    instances.assertReplayRefusedAcross(first, second);
    assertThat(keysOn(redis.master())).as("state written to the master Sentinel names").isPositive();
  }

  @Test
  void afterAFailoverAReplicatedStatementIsStillRefusedAndNewStateGoesToThePromotedMaster() throws Exception {
    JsonObject registration = newRegistration(DevPkiLayout.OFB_TPP1_A);
    HttpResponse<Buffer> before = instances.register(first, DevPkiLayout.OFB_TPP1_A, registration);
    redis.awaitReplicated();

    RedisSentinelSetup.Node promoted = redis.failover();
    long keysBefore = keysOn(promoted);
    HttpResponse<Buffer> replayed = acrossTheSwitch(() -> instances.register(second, DevPkiLayout.OFB_TPP1_A,
        registration));
    HttpResponse<Buffer> another = acrossTheSwitch(() -> instances.register(first, DevPkiLayout.OFB_TPP2,
        newRegistration(DevPkiLayout.OFB_TPP2)));

    assertThat(before.statusCode()).as(before.bodyAsString()).isEqualTo(201);
    assertThat(replayed.statusCode()).as(replayed.bodyAsString()).isEqualTo(400);
    assertThat(replayed.bodyAsJsonObject().getString("error_description")).contains("already used");
    assertThat(another.statusCode()).as(another.bodyAsString()).isEqualTo(201);
    assertThat(keysOn(promoted)).as("the new registration's state is on the promoted master").isGreaterThan(keysBefore);
    assertThat(instances.upstream().received()).hasSize(2);
  }

  @Test
  void whileTheMasterIsDownRegistrationsGetA503AndTheInstancesRecoverOnThePromotedReplica() throws Exception {
    redis.master().process().stop();

    HttpResponse<Buffer> whileDown = instances.register(first, DevPkiLayout.OFB_TPP1_A,
        newRegistration(DevPkiLayout.OFB_TPP1_A));

    assertClearlyUnavailable(whileDown);
    assertThat(instances.upstream().received()).isEmpty();
    instances.awaitReadiness(first, 503);
    instances.awaitReadiness(second, 503);
    assertThat(instances.readiness(first).bodyAsJsonObject().getString("status")).isEqualTo("DOWN");

    RedisSentinelSetup.Node promoted = redis.failover();
    instances.awaitReadiness(first, 200);
    instances.awaitReadiness(second, 200);
    HttpResponse<Buffer> afterFailover = instances.register(second, DevPkiLayout.OFB_TPP1_A,
        newRegistration(DevPkiLayout.OFB_TPP1_A));

    assertThat(afterFailover.statusCode()).as(afterFailover.bodyAsString()).isEqualTo(201);
    assertThat(keysOn(promoted)).isPositive();
    assertThat(instances.scrape(first)).contains("dcr_gateway_shared_state_available{store=\"redis\"} 1.0");
  }

  /**
   * Until an instance has looked the master up again (Sentinel's answer is cached for a second),
   * it may still reach the old master, now a read-only replica: the answer is then a clear 503,
   * never a 500, and the TPP's retry lands on the new master.
   */
  private static HttpResponse<Buffer> acrossTheSwitch(Callable<HttpResponse<Buffer>> request) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    HttpResponse<Buffer> response = request.call();
    while (response.statusCode() == 503 && System.nanoTime() < deadline) {
      assertClearlyUnavailable(response);
      Thread.sleep(200);
      response = request.call();
    }
    return response;
  }

  private static void assertClearlyUnavailable(HttpResponse<Buffer> response) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(503);
    assertThat(response.getHeader("Content-Type")).startsWith("application/json");
    assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("temporarily_unavailable");
  }

  private static long keysOn(RedisSentinelSetup.Node node) {
    return RespClient.tryCall(node.port(), "DBSIZE").map(Long.class::cast).orElseThrow();
  }

  private GatewayConfig config() {
    return instances.config(GatewayInstances.redis(StateConfig.RedisType.SENTINEL, List.of(redis.sentinelUrl()),
        Optional.of(RedisSentinelSetup.MASTER_NAME), "sentinel-test:"));
  }
}
