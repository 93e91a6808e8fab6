package io.dcrgateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the gateway's process for the soak run: heap after a full GC through {@code jcmd} (the
 * JDK's own tool, so the figure does not depend on the gateway's metrics), RSS, open file
 * descriptors and threads from /proc, event-loop lag from the gateway's own
 * {@code dcr_gateway_event_loop_lag_seconds} on the admin port.
 */
final class SoakSampler {

  /** {@code GC.heap_info}: a generation or region line with its use, e.g. "garbage-first heap total 262144K, used 45678K". */
  private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");
  private static final Pattern LAG = Pattern.compile(
      "^dcr_gateway_event_loop_lag_seconds_(count|sum|max)\\{[^}]*} ([0-9.eE+-]+)$", Pattern.MULTILINE);

  private final Gateway gateway;
  private final Path jcmd;
  private final LongSupplier requests;
  private double lastLagSum;
  private double lastLagCount;

  SoakSampler(Gateway gateway, Path jcmd, LongSupplier requests) {
    this.gateway = gateway;
    this.jcmd = jcmd;
    this.requests = requests;
  }

  SoakSample sample(double elapsedSeconds) throws IOException, InterruptedException {
    long pid = gateway.handle().pid();
    jcmd(pid, "GC.run");
    long heap = heapUsedKib(jcmd(pid, "GC.heap_info"));
    double sum = 0;
    double count = 0;
    double max = 0;
    Matcher m = LAG.matcher(gateway.metrics());
    while (m.find()) {
      double value = Double.parseDouble(m.group(2));
      switch (m.group(1)) {
        case "count" -> count += value;
        case "sum" -> sum += value;
        default -> max = Math.max(max, value);
      }
    }
    double mean = count > lastLagCount ? (sum - lastLagSum) / (count - lastLagCount) * 1e3 : 0;
    lastLagSum = sum;
    lastLagCount = count;
    return new SoakSample(elapsedSeconds, heap, ProcessUsage.residentKib(gateway.handle()), openFds(pid),
        threads(pid), mean, max * 1e3, requests.getAsLong(), Bench.loadAverage());
  }

  /** Heap in use: every generation's "used" before the Metaspace line (one line with G1). */
  static long heapUsedKib(String heapInfo) {
    String heapPart = heapInfo.contains("Metaspace") ? heapInfo.substring(0, heapInfo.indexOf("Metaspace")) : heapInfo;
    Matcher m = HEAP_USED.matcher(heapPart);
    long used = 0;
    while (m.find()) {
      used += Long.parseLong(m.group(1));
    }
    return used;
  }

  private String jcmd(long pid, String command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("jcmd " + pid + " " + command + " failed: " + out);
    }
    return out;
  }

  private static int openFds(long pid) throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      return (int) fds.count();
    }
  }

  private static int threads(long pid) throws IOException {
    try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
      return lines.filter(l -> l.startsWith("Threads:")).findFirst()
          .map(l -> Integer.parseInt(l.substring("Threads:".length()).trim())).orElse(0);
    }
  }
}
