package io.dcrgateway.state;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * One real {@code redis-server} process (Debian package) on 127.0.0.1, as a plain server, a
 * replica, a Sentinel ({@code --sentinel}) or a Cluster node: started, waited for until it says it
 * is ready (polled, never a fixed sleep), stopped, and started again on the same port as a
 * restarted Redis would be. Its output goes to a log in the test's directory, quoted when it does
 * not come up.
 */
final class RedisProcess implements AutoCloseable {

  /** Generous: the build machine is shared and a cold start can be slow there. */
  static final Duration READY_WITHIN = Duration.ofSeconds(60);

  private final String name;
  private final Path dir;
  private final List<String> arguments;
  private final Predicate<RedisProcess> ready;
  private Process process;
  private Path log;

  private RedisProcess(String name, Path dir, List<String> arguments, Predicate<RedisProcess> ready) {
    this.name = name;
    this.dir = dir;
    this.arguments = List.copyOf(arguments);
    this.ready = ready;
  }

  /**
   * @param arguments what follows {@code redis-server} (a config file first, if any)
   * @param ready asked until it holds, e.g. "answers PING"
   */
  static RedisProcess start(String name, Path dir, List<String> arguments, Predicate<RedisProcess> ready) throws Exception {
    RedisProcess redis = new RedisProcess(name, dir, arguments, ready);
    redis.start();
    return redis;
  }

  void start() throws Exception {
    log = dir.resolve(name + "-" + System.nanoTime() + ".log");
    List<String> command = new ArrayList<>(List.of("redis-server"));
    command.addAll(arguments);
    process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    try {
      await(name + " ready", () -> {
        if (!process.isAlive()) {
          throw new IllegalStateException(name + " exited: " + logText());
        }
        return ready.test(this);
      });
    } catch (AssertionError notReady) {
      stop();
      throw new AssertionError(notReady.getMessage() + "; its log:\n" + logText(), notReady);
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
  }

  /** Ends the process (SIGTERM, as an orchestrator would); {@link #start()} brings it back on its port. */
  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  String logText() {
    try {
      return log == null ? "" : Files.readString(log);
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }

  /** Polls {@code condition} every 50 ms until it holds or {@link #READY_WITHIN} passes. */
  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + READY_WITHIN.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + READY_WITHIN.toSeconds() + " s: " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Close everything, the first failure reported after all were tried: a test failing half-way leaks no process. */
  static void closeAll(List<? extends AutoCloseable> closeables) throws Exception {
    Exception first = null;
    for (AutoCloseable closeable : closeables) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
