package io.dcrgateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time and memory of a server process tree, read from /proc: the fairest figure on a small
 * shared machine, where the load generator competes with the server for the same cores and
 * throughput alone would mostly measure the client. A tree, because nginx serves from worker
 * processes below its master.
 */
final class ProcessUsage {

  private static final long TICKS_PER_SECOND = clockTicks();

  private ProcessUsage() {
  }

  /** utime + stime of the process and every live descendant, in nanoseconds. */
  static long cpuNanos(ProcessHandle root) {
    long ticks = Stream.concat(Stream.of(root), root.descendants()).mapToLong(ProcessUsage::ticks).sum();
    return ticks * 1_000_000_000L / TICKS_PER_SECOND;
  }

  /**
   * utime + stime of a JVM's JIT compiler threads (C1, C2), in nanoseconds: compiled code is what
   * a long-running gateway runs, so the share the JIT still takes shows how warm it was.
   */
  static long compilerCpuNanos(ProcessHandle jvm) {
    Path tasks = Path.of("/proc", Long.toString(jvm.pid()), "task");
    try (Stream<Path> threads = Files.list(tasks)) {
      long ticks = threads.filter(ProcessUsage::isCompilerThread).mapToLong(ProcessUsage::threadTicks).sum();
      return ticks * 1_000_000_000L / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static boolean isCompilerThread(Path task) {
    try {
      String name = Files.readString(task.resolve("comm")).trim();
      return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
    } catch (IOException e) {
      return false;
    }
  }

  private static long threadTicks(Path task) {
    try {
      return statTicks(Files.readString(task.resolve("stat")));
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** CPU time of this JVM (the load generator), in nanoseconds. */
  static long ownCpuNanos() {
    long ticks = ticks(ProcessHandle.current()); // not its descendants: the servers are its children
    return ticks * 1_000_000_000L / TICKS_PER_SECOND;
  }

  /** VmRSS of the process alone, in KiB (0 once it is gone). */
  static long residentKib(ProcessHandle process) {
    return statusKib(process, "VmRSS:");
  }

  /** VmHWM (peak resident set) of the process alone, in KiB. */
  static long peakResidentKib(ProcessHandle process) {
    return statusKib(process, "VmHWM:");
  }

  private static long ticks(ProcessHandle process) {
    try {
      return statTicks(Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat")));
    } catch (IOException | RuntimeException e) {
      return 0; // exited between listing and reading
    }
  }

  private static long statTicks(String stat) {
    // proc(5): the command name in parentheses may hold spaces; the fields after it are plain.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
  }

  private static long statusKib(ProcessHandle process, String key) {
    try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      return lines.filter(l -> l.startsWith(key)).findFirst()
          .map(l -> Long.parseLong(l.substring(key.length()).trim().split("\\s+")[0])).orElse(0L);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static long clockTicks() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(getconf.getInputStream().readAllBytes()).trim();
      return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
    } catch (IOException | RuntimeException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }
}
