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
  private Process process;

  private RedisServer(int port, Path dir) {
    this.port = port;
    this.dir = dir;
  }

  static RedisServer start(Path dir) throws Exception {
    RedisServer server = new RedisServer(freePort(), dir);
    server.start();
    return server;
  }

  String url() {
    return "redis://127.0.0.1:" + port;
  }

  void start() throws Exception {
    Path log = dir.resolve("redis-" + System.nanoTime() + ".log");
    process = new ProcessBuilder(List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no", "--dir", dir.toString()))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!answersPing()) {
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
