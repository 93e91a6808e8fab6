package io.dcrgateway.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An nginx of the Debian package, run from a config template with its own prefix directory (pid,
 * logs, temp files) on a free loopback port, in the foreground as this JVM's child, and stopped
 * with SIGTERM at the end: it never touches the system's nginx.
 */
final class Nginx implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path prefix;

  private Nginx(Process process, int port, Path prefix) {
    this.process = process;
    this.port = port;
    this.prefix = prefix;
  }

  /**
   * @param template a config with {@code @PREFIX@}, {@code @PORT@} and the given placeholders
   */
  static Nginx start(Path template, Path prefix, Map<String, String> values) throws IOException, InterruptedException {
    Files.createDirectories(prefix);
    int port = FreePort.next();
    String config = Files.readString(template).replace("@PREFIX@", prefix.toString())
        .replace("@PORT@", Integer.toString(port));
    for (Map.Entry<String, String> value : values.entrySet()) {
      config = config.replace("@" + value.getKey() + "@", value.getValue());
    }
    Path file = prefix.resolve("nginx.conf");
    Files.writeString(file, config);
    Process process = new ProcessBuilder("nginx", "-p", prefix.toString(), "-e", prefix.resolve("error.log").toString(),
        "-c", file.toString(), "-g", "daemon off;")
        .redirectErrorStream(true)
        .redirectOutput(prefix.resolve("stdout.log").toFile())
        .start();
    Nginx nginx = new Nginx(process, port, prefix);
    nginx.awaitListening();
    return nginx;
  }

  int port() {
    return port;
  }

  /** The master process; its workers are its children. */
  ProcessHandle handle() {
    return process.toHandle();
  }

  private void awaitListening() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("nginx exited with " + process.exitValue() + ": "
            + Files.readString(prefix.resolve("error.log")).strip());
      }
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(20);
      }
    }
    throw new IOException("nginx did not listen on port " + port + " within 10 s; see " + prefix);
  }

  /** SIGTERM (nginx's fast shutdown); SIGKILL if it is still there 10 s later. */
  @Override
  public void close() {
    Processes.stop(process, 10);
  }
}
