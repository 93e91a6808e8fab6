package io.dcrgateway.state;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Redis Cluster on 127.0.0.1: three masters (no replicas), each owning a third of the
 * 16384 hash slots, created with {@code redis-cli --cluster create} and waited for until every
 * node says {@code cluster_state:ok}. Keys of one request then live on different nodes, so a
 * command or script naming keys of two slots would fail with CROSSSLOT here.
 */
final class RedisClusterSetup implements AutoCloseable {

  private final List<Integer> ports;
  private final List<RedisProcess> nodes;

  private RedisClusterSetup(List<Integer> ports, List<RedisProcess> nodes) {
    this.ports = ports;
    this.nodes = nodes;
  }

  static RedisClusterSetup start(Path dir) throws Exception {
    List<Integer> ports = new ArrayList<>();
    List<RedisProcess> nodes = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        int port = RedisProcess.freePort();
        Path nodeDir = Files.createDirectories(dir.resolve("node-" + port));
        List<String> arguments = new ArrayList<>(RedisServer.withoutPersistence(nodeDir));
        // The cluster config file is the node's own bookkeeping, rewritten by it: one per node.
        arguments.addAll(List.of("--port", Integer.toString(port), "--cluster-enabled", "yes",
            "--cluster-config-file", nodeDir.resolve("nodes.conf").toString(), "--cluster-node-timeout", "5000"));
        nodes.add(RedisProcess.start("cluster-" + port, nodeDir, arguments, process -> RedisServer.answersPing(port)));
        ports.add(port);
      }
      create(dir, ports);
      for (int port : ports) {
        RedisProcess.await("cluster_state:ok on " + port, () -> RespClient.tryCall(port, "CLUSTER", "INFO").map(Object::toString)
                .filter(info -> info.contains("cluster_state:ok")).isPresent());
      }
      return new RedisClusterSetup(List.copyOf(ports), List.copyOf(nodes));
    } catch (Exception | AssertionError e) {
      RedisProcess.closeAll(nodes);
      throw e;
    }
  }

  private static void create(Path dir, List<Integer> ports) throws Exception {
    List<String> command = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
    ports.forEach(port -> command.add("127.0.0.1:" + port));
    command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
    Path log = dir.resolve("cluster-create.log");
    Process create = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!create.waitFor(RedisProcess.READY_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
      create.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new IllegalStateException("redis-cli --cluster create did not finish: " + Files.readString(log));
    }
    if (create.exitValue() != 0) {
      throw new IllegalStateException("redis-cli --cluster create failed: " + Files.readString(log));
    }
  }

  /** The seed nodes the gateway is configured with: it learns the slot map from them. */
  List<String> urls() {
    return ports.stream().map(port -> "redis://127.0.0.1:" + port).toList();
  }

  @Override
  public void close() throws Exception {
    RedisProcess.closeAll(nodes);
  }
}
