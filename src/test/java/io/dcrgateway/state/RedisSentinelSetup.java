package io.dcrgateway.state;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real Redis Sentinel deployment on 127.0.0.1: a master, one replica and one Sentinel
 * ({@code redis-server <conf> --sentinel}) watching them as {@value #MASTER_NAME}. Sentinel
 * notices a dead master only after {@code down-after-milliseconds}, set to a minute here, so a
 * failover happens when a test asks for one ({@link #failover()}), never by itself half-way
 * through an assertion.
 */
final class RedisSentinelSetup implements AutoCloseable {

  static final String MASTER_NAME = "dcr-gateway-test";

  private final int sentinelPort;
  private final List<Node> nodes;
  private final RedisProcess sentinel;

  /** A data node and its port: which one is master changes on failover. */
  record Node(int port, RedisProcess process) implements AutoCloseable {
    @Override
    public void close() throws InterruptedException {
      process.close();
    }
  }

  private RedisSentinelSetup(int sentinelPort, List<Node> nodes, RedisProcess sentinel) {
    this.sentinelPort = sentinelPort;
    this.nodes = nodes;
    this.sentinel = sentinel;
  }

  static RedisSentinelSetup start(Path dir) throws Exception {
    List<AutoCloseable> started = new ArrayList<>();
    try {
      Node master = dataNode(dir, "master", List.of());
      started.add(master);
      Node replica = dataNode(dir, "replica", List.of("--replicaof", "127.0.0.1", Integer.toString(master.port())));
      started.add(replica);
      RedisProcess.await("replica in sync with the master",
          () -> RespClient.info(replica.port(), "replication", "master_link_status").filter("up"::equals).isPresent());
      int sentinelPort = RedisProcess.freePort();
      // Sentinel rewrites its config file, so it must be a writable file of its own.
      Path config = Files.writeString(dir.resolve("sentinel.conf"), String.join("\n",
          "bind 127.0.0.1",
          "port " + sentinelPort,
          "dir " + dir,
          "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + master.port() + " 1",
          "sentinel down-after-milliseconds " + MASTER_NAME + " 60000",
          "sentinel failover-timeout " + MASTER_NAME + " 10000",
          ""));
      RedisProcess sentinel = RedisProcess.start("sentinel", dir, List.of(config.toString(), "--sentinel"),
          process -> knowsReplica(sentinelPort, replica.port()));
      started.add(sentinel);
      RedisSentinelSetup setup = new RedisSentinelSetup(sentinelPort, List.of(master, replica), sentinel);
      RedisProcess.await("sentinel names the master", () -> setup.masterPort().equals(Optional.of(master.port())));
      return setup;
    } catch (Exception | AssertionError e) {
      RedisProcess.closeAll(started);
      throw e;
    }
  }

  private static Node dataNode(Path dir, String name, List<String> more) throws Exception {
    int port = RedisProcess.freePort();
    List<String> arguments = new ArrayList<>(RedisServer.withoutPersistence(dir));
    arguments.addAll(List.of("--port", Integer.toString(port)));
    arguments.addAll(more);
    return new Node(port, RedisProcess.start(name, dir, arguments, process -> RedisServer.answersPing(port)));
  }

  /**
   * Sentinel fails over only to a replica it has seen in the master's INFO, reaches, and has
   * recently had INFO from, with its link to the master up.
   */
  private static boolean knowsReplica(int sentinelPort, int replicaPort) {
    return RespClient.tryCall(sentinelPort, "SENTINEL", "REPLICAS", MASTER_NAME)
        .filter(List.class::isInstance)
        .map(reply -> ((List<?>) reply).stream().map(RedisSentinelSetup::fields).anyMatch(replica ->
            Integer.toString(replicaPort).equals(replica.get("port")) && "slave".equals(replica.get("flags"))
                && "ok".equals(replica.get("master-link-status"))
                && Long.parseLong(replica.getOrDefault("info-refresh", "999999")) < 5_000))
        .orElse(false);
  }

  /** Sentinel describes an instance as a flat list: name, value, name, value... */
  private static Map<String, String> fields(Object flat) {
    List<?> items = (List<?>) flat;
    Map<String, String> fields = new HashMap<>();
    for (int i = 0; i + 1 < items.size(); i += 2) {
      fields.put(items.get(i).toString(), String.valueOf(items.get(i + 1)));
    }
    return fields;
  }

  /** What the gateway is configured with: the Sentinel, never a data node. */
  String sentinelUrl() {
    return "redis://127.0.0.1:" + sentinelPort;
  }

  /** The master as Sentinel names it now. */
  Optional<Integer> masterPort() {
    return RespClient.tryCall(sentinelPort, "SENTINEL", "GET-MASTER-ADDR-BY-NAME", MASTER_NAME)
        .filter(List.class::isInstance)
        .map(reply -> Integer.parseInt(((List<?>) reply).get(1).toString()));
  }

  Node master() {
    int port = masterPort().orElseThrow();
    return nodes.stream().filter(node -> node.port() == port).findFirst().orElseThrow();
  }

  Node replica() {
    int port = masterPort().orElseThrow();
    return nodes.stream().filter(node -> node.port() != port).findFirst().orElseThrow();
  }

  /** Until the replica has received everything the master has written so far. */
  void awaitReplicated() {
    long written = Long.parseLong(RespClient.info(master().port(), "replication", "master_repl_offset").orElseThrow());
    int replica = replica().port();
    RedisProcess.await("replica caught up with offset " + written, () -> RespClient.info(replica, "replication",
        "slave_repl_offset").map(Long::parseLong).filter(offset -> offset >= written).isPresent());
  }

  /**
   * {@code SENTINEL FAILOVER}, as an operator would on a master that is down or being replaced.
   * Returns once the switch is complete: Sentinel names the promoted replica, it says it is
   * master, and the old master, if still running, has been turned into its replica (Sentinel
   * does that some seconds later and closes the old master's client connections as it does).
   */
  Node failover() throws Exception {
    Node old = master();
    Node promoted = replica();
    RespClient.call(sentinelPort, "SENTINEL", "FAILOVER", MASTER_NAME);
    RedisProcess.await("sentinel names the promoted replica as master",
        () -> masterPort().equals(Optional.of(promoted.port()))
            && RespClient.info(promoted.port(), "replication", "role").filter("master"::equals).isPresent());
    RedisProcess.await("the old master, if running, is a replica",
        () -> RespClient.info(old.port(), "replication", "role").map("slave"::equals).orElse(true));
    return promoted;
  }

  @Override
  public void close() throws Exception {
    List<AutoCloseable> all = new ArrayList<>(List.of(sentinel));
    all.addAll(nodes);
    RedisProcess.closeAll(all);
  }
}
