package io.dcrgateway.state;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} (Debian package) on 127.0.0.1 and a free port, without persistence,
 * started and waited for (it answers PING), stopped, and started again on the same port, as a
 * restarted Redis would be.
 */
final class RedisServer implements AutoCloseable {

  private final int port;
  private final Path dir;
  private final List<String> tlsAndAuth;
  private Process process;

  private RedisServer(int port, Path dir, List<String> tlsAndAuth) {
    this.port = port;
    this.dir = dir;
    this.tlsAndAuth = tlsAndAuth;
  }

  static RedisServer start(Path dir) throws Exception {
    RedisServer server = new RedisServer(freePort(), dir, List.of());
    server.start();
    return server;
  }

  /** TLS only (no plain port), a server certificate and key in PEM, and a password (AUTH). */
  static RedisServer startTls(Path dir, Path certificate, Path key, String password) throws Exception {
    RedisServer server = new RedisServer(freePort(), dir, List.of("--tls-cert-file", certificate.toString(),
        "--tls-key-file", key.toString(), "--tls-auth-clients", "no", "--requirepass", password));
    server.start();
    return server;
  }

  String url() {
    return (tlsAndAuth.isEmpty() ? "redis://" : "rediss://") + "127.0.0.1:" + port;
  }

  void start() throws Exception {
    Path log = dir.resolve("redis-" + System.nanoTime() + ".log");
    List<String> command = new ArrayList<>(List.of("redis-server", "--bind", "127.0.0.1", "--save", "",
        "--appendonly", "no", "--dir", dir.toString()));
    command.addAll(tlsAndAuth.isEmpty() ? List.of("--port", Integer.toString(port))
        : List.of("--port", "0", "--tls-port", Integer.toString(port)));
    command.addAll(tlsAndAuth);
    process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!ready(log)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        stop();
        throw new IllegalStateException("redis-server did not start: " + Files.readString(log));
      }
      process.waitFor(20, TimeUnit.MILLISECONDS);
    }
  }

  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /** Plain: it answers PING. TLS: it says so in its log (a PING would need the handshake and AUTH). */
  private boolean ready(Path log) throws IOException {
    return tlsAndAuth.isEmpty() ? answersPing() : Files.readString(log).contains("Ready to accept connections");
  }

  private boolean answersPing() {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(2_000);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] reply = in.readNBytes(7);
      return new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n");
    } catch (IOException notYet) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
