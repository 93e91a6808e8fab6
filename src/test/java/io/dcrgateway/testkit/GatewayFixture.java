package io.dcrgateway.testkit;

import io.dcrgateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/** A Vert.x instance, a recording upstream and a gateway in front of it: what most tests need. */
public final class GatewayFixture implements AutoCloseable {

  private final Vertx vertx;
  private final RecordingUpstream upstream;
  private final RunningGateway gateway;

  private GatewayFixture(Vertx vertx, RecordingUpstream upstream, RunningGateway gateway) {
    this.vertx = vertx;
    this.upstream = upstream;
    this.gateway = gateway;
  }

  public static GatewayFixture start() throws Exception {
    return start(UnaryOperator.identity());
  }

  /** @param adjust changes to the default test config (for the upstream it is given) */
  public static GatewayFixture start(UnaryOperator<GatewayConfig> adjust) throws Exception {
    Vertx vertx = TestVertx.create();
    RecordingUpstream upstream = RecordingUpstream.start(vertx);
    RunningGateway gateway = RunningGateway.start(vertx,
        adjust.apply(TestConfigs.forUpstream(upstream.baseUrl())));
    return new GatewayFixture(vertx, upstream, gateway);
  }

  public Vertx vertx() {
    return vertx;
  }

  public RecordingUpstream upstream() {
    return upstream;
  }

  public RunningGateway gateway() {
    return gateway;
  }

  @Override
  public void close() throws Exception {
    try {
      gateway.close();
      upstream.close();
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }
}
