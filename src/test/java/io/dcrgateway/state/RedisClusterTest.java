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
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, Redis Cluster: two gateway instances configured with the cluster's nodes
 * ({@code type: cluster}) share replay, rate-limit buckets, ownership and SPEC BR-18 claims
 * across three masters. Every command and script the gateway sends names one key, so none can
 * fail with CROSSSLOT however the keys of a registration spread over the slots. One cluster
 * serves the class; each test has a key prefix of its own.
 */
class RedisClusterTest {

  @TempDir
  static Path dir;

  private static RedisClusterSetup cluster;

  private GatewayInstances instances;
  private String prefix;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = RedisClusterSetup.start(dir);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @BeforeEach
  void start() throws Exception {
    instances = GatewayInstances.start();
    prefix = "cluster-" + UUID.randomUUID() + ":";
  }

  @AfterEach
  void stop() throws Exception {
    instances.close();
  }

  @Test
  void aStatementRegisteredAtOneInstanceIsRefusedAsAReplayAtTheOther() throws Exception {
    RunningGateway first = instances.instance(config());
    RunningGateway second = instances.instance(config());
    instances.assertReplayRefusedAcross(first, second);
  }

  @Test
  void aCertificatesRateLimitIsOneBudgetAcrossInstances() throws Exception {
    RunningGateway first = instances.instance(GatewayInstances.rateLimited(config()));
    RunningGateway second = instances.instance(GatewayInstances.rateLimited(config()));
    instances.assertOneRateBudgetAcross(first, second);
  }

  @Test
  void aSoftwareHoldsOneRegistrationAcrossInstancesUntilItsClientIsDeletedAtEither() throws Exception {
    RunningGateway first = instances.instance(config());
    RunningGateway second = instances.instance(config());

    HttpResponse<Buffer> registered = instances.register(first, DevPkiLayout.OFB_TPP1_A,
        newRegistration(DevPkiLayout.OFB_TPP1_A));
    // Another certificate of the same software, at the other instance: still the same software.
    HttpResponse<Buffer> secondRegistration = instances.register(second, DevPkiLayout.OFB_TPP1_B,
        newRegistration(DevPkiLayout.OFB_TPP1_B));
    HttpResponse<Buffer> deleted = instances.send(second, DevPkiLayout.OFB_TPP1_B, HttpMethod.DELETE,
        "/register/client-1");
    HttpResponse<Buffer> again = instances.register(first, DevPkiLayout.OFB_TPP1_B,
        newRegistration(DevPkiLayout.OFB_TPP1_B));

    assertThat(registered.statusCode()).as(registered.bodyAsString()).isEqualTo(201);
    assertThat(secondRegistration.statusCode()).isEqualTo(400);
    assertThat(secondRegistration.bodyAsJsonObject().getString("error")).isEqualTo("invalid_client_metadata");
    assertThat(secondRegistration.bodyAsJsonObject().getString("error_description"))
        .contains("already has client client-1");
    assertThat(deleted.statusCode()).as(deleted.bodyAsString()).isEqualTo(204);
    assertThat(again.statusCode()).as(again.bodyAsString()).isEqualTo(201);
    assertThat(again.bodyAsJsonObject().getString("client_id")).isEqualTo("client-2");
    assertThat(instances.upstream().received()).extracting(r -> r.method()).containsExactly("POST", "DELETE", "POST");
  }

  @Test
  void aClientRegisteredAtOneInstanceIsManagedAtTheOtherByItsOwnSoftwareOnly() throws Exception {
    RunningGateway first = instances.instance(config());
    RunningGateway second = instances.instance(config());

    HttpResponse<Buffer> registered = instances.register(first, DevPkiLayout.OFB_TPP1_A,
        newRegistration(DevPkiLayout.OFB_TPP1_A));
    HttpResponse<Buffer> byOwner = instances.send(second, DevPkiLayout.OFB_TPP1_B, HttpMethod.GET, "/register/client-1");
    HttpResponse<Buffer> byOtherOrganisation = instances.send(second, DevPkiLayout.OFB_TPP2, HttpMethod.GET,
        "/register/client-1");

    assertThat(registered.statusCode()).as(registered.bodyAsString()).isEqualTo(201);
    assertThat(byOwner.statusCode()).as(byOwner.bodyAsString()).isEqualTo(200);
    assertThat(byOtherOrganisation.statusCode()).isEqualTo(401);
    assertThat(byOtherOrganisation.bodyAsJsonObject().getString("error")).isEqualTo("invalid_client");
  }

  private GatewayConfig config() {
    return instances.config(GatewayInstances.redis(StateConfig.RedisType.CLUSTER, cluster.urls(), Optional.empty(),
        prefix));
  }
}
