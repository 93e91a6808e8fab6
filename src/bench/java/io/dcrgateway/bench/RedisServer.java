package io.dcrgateway.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A redis-server of the Debian package on a free loopback port, in the foreground as this JVM's
 * child, with no persistence (no RDB snapshots, no AOF: what a registration costs is the command,
 * not the disk), stopped with SIGTERM at the end. Its commands for the benchmark's own questions
 * (INFO, DBSIZE) go over a plain socket in RESP, one connection each, outside measured windows.
 */
final class RedisServer implements AutoCloseable {

  private static final Pattern CALLS = Pattern.compile("^cmdstat_([^:]+):calls=(\\d+)", Pattern.MULTILINE);

  private final Process process;
  private final int port;
  private final Path dir;

  private RedisServer(Process process, int port, Path dir) {
    this.process = process;
    this.port = port;
    this.dir = dir;
  }

  static RedisServer start(Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    int port = FreePort.next();
    Process process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--daemonize", "no",
        "--logfile", dir.resolve("redis.log").toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("stdout.log").toFile())
        .start();
    RedisServer redis = new RedisServer(process, port, dir);
    try {
      redis.awaitPong();
    } catch (IOException | RuntimeException e) {
      redis.close();
      throw e;
    }
    return redis;
  }

  int port() {
    return port;
  }

  ProcessHandle handle() {
    return process.toHandle();
  }

  /** The server's version, from INFO server. */
  String version() throws IOException {
    Matcher m = Pattern.compile("^redis_version:(\\S+)", Pattern.MULTILINE).matcher(command("INFO", "server"));
    return m.find() ? m.group(1) : "?";
  }

  /** Calls so far per command (lower case, e.g. {@code set}), from INFO commandstats. */
  Map<String, Long> commandCalls() throws IOException {
    Map<String, Long> calls = new TreeMap<>();
    Matcher m = CALLS.matcher(command("INFO", "commandstats"));
    while (m.find()) {
      calls.put(m.group(1), Long.parseLong(m.group(2)));
    }
    return calls;
  }

  /** Keys in the database. */
  long keys() throws IOException {
    return Long.parseLong(command("DBSIZE"));
  }

  /** One command, its reply as text: a simple string, an integer, or a bulk string; an error reply throws. */
  String command(String... args) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      StringBuilder request = new StringBuilder("*").append(args.length).append("\r\n");
      for (String arg : args) {
        request.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(arg).append("\r\n");
      }
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = new BufferedInputStream(socket.getInputStream());
      int type = in.read();
      String line = line(in);
      return switch (type) {
        case '+', ':' -> line;
        case '-' -> throw new IOException("redis: " + line);
        case '$' -> bulk(in, Integer.parseInt(line));
        default -> throw new IOException("redis: unexpected reply type " + (char) type + line);
      };
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != '\r') {
      if (c < 0) {
        throw new IOException("redis closed the connection mid-reply");
      }
      bytes.write(c);
    }
    in.read(); // '\n'
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static String bulk(InputStream in, int length) throws IOException {
    if (length < 0) {
      return null;
    }
    byte[] data = in.readNBytes(length);
    in.readNBytes(2);
    return new String(data, StandardCharsets.UTF_8);
  }

  private void awaitPong() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("redis-server exited with " + process.exitValue() + "; see " + dir.resolve("redis.log"));
      }
      try {
        if ("PONG".equals(command("PING"))) {
          return;
        }
      } catch (IOException notYet) {
        Thread.sleep(20);
      }
    }
    throw new IOException("redis-server did not answer PING on port " + port + " within 10 s; see " + dir);
  }

  /** SIGTERM (nothing to save: persistence is off); SIGKILL if it is still there 10 s later. */
  @Override
  public void close() {
    Processes.stop(process, 10);
  }
}
