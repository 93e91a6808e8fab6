package io.dcrgateway.state;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real standalone {@code redis-server} on 127.0.0.1 and a free port, without persistence,
 * started and waited for, stopped, and started again on the same port, as a restarted Redis would
 * be.
 */
final class RedisServer implements AutoCloseable {

  private final int port;
  private final boolean tls;
  private final RedisProcess process;

  private RedisServer(int port, boolean tls, RedisProcess process) {
    this.port = port;
    this.tls = tls;
    this.process = process;
  }

  static RedisServer start(Path dir) throws Exception {
    int port = RedisProcess.freePort();
    List<String> arguments = new ArrayList<>(withoutPersistence(dir));
    arguments.addAll(List.of("--port", Integer.toString(port)));
    return new RedisServer(port, false, RedisProcess.start("redis", dir, arguments, redis -> answersPing(port)));
  }

  /** TLS only (no plain port), a server certificate and key in PEM, and a password (AUTH). */
  static RedisServer startTls(Path dir, Path certificate, Path key, String password) throws Exception {
    int port = RedisProcess.freePort();
    List<String> arguments = new ArrayList<>(withoutPersistence(dir));
    arguments.addAll(List.of("--port", "0", "--tls-port", Integer.toString(port),
        "--tls-cert-file", certificate.toString(), "--tls-key-file", key.toString(), "--tls-auth-clients", "no",
        "--requirepass", password));
    // A PING would need the handshake and AUTH: the log saying so is enough here.
    return new RedisServer(port, true, RedisProcess.start("redis-tls", dir, arguments,
        redis -> redis.logText().contains("Ready to accept connections")));
  }

  /** Loopback only, nothing written to disk: each test starts from an empty Redis. */
  static List<String> withoutPersistence(Path dir) {
    return List.of("--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString());
  }

  static boolean answersPing(int port) {
    return RespClient.tryCall(port, "PING").filter("PONG"::equals).isPresent();
  }

  String url() {
    return (tls ? "rediss://" : "redis://") + "127.0.0.1:" + port;
  }

  void start() throws Exception {
    process.start();
  }

  void stop() throws InterruptedException {
    process.stop();
  }

  @Override
  public void close() throws InterruptedException {
    process.close();
  }
}
