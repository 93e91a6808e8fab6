package io.dcrgateway.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dcr-gateway as an operator starts it, {@code java -jar dcr-gateway.jar run --config FILE}, in
 * a process of its own, from the bench config template on free loopback ports. Start-up time is
 * from launching the JVM to the line the gateway prints once its listeners are bound and it is
 * ready.
 */
final class Gateway implements AutoCloseable {

  private static final String READY_LINE = "dcr-gateway listening on";
  /** Handshakes the gateway completed (full or resumed; the load generator keeps no sessions). */
  private static final Pattern HANDSHAKES = Pattern.compile(
      "^dcr_gateway_tls_handshakes_total\\{result=\"ok\"} ([0-9.E+]+)$", Pattern.MULTILINE);
  /** Heap the gateway allocated (Micrometer's JVM GC binder: the young generation's growth, counted at each GC). */
  private static final Pattern ALLOCATED = Pattern.compile(
      "^jvm_gc_memory_allocated_bytes_total ([0-9.E+]+)$", Pattern.MULTILINE);

  /** The gateway's own count of its decisions (metrics.RequestMetrics), by outcome and stable reason id. */
  private static final Pattern DECISIONS = Pattern.compile(
      "^dcr_gateway_requests_total\\{([^}]*)} ([0-9.E+]+)$", Pattern.MULTILINE);
  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  private final Process process;
  private final int port;
  private final int adminPort;
  private final long startupNanos;

  private Gateway(Process process, int port, int adminPort, long startupNanos) {
    this.process = process;
    this.port = port;
    this.adminPort = adminPort;
    this.startupNanos = startupNanos;
  }

  static Gateway start(Path java, List<String> jvmOptions, Path jar, Path template, Path workDir, Path pki,
      int upstreamPort) throws IOException, InterruptedException {
    return start(java, jvmOptions, jar, template, workDir, pki, upstreamPort, Map.of());
  }

  /** @param values more {@code @NAME@} placeholders of the template, e.g. the audit file of the soak */
  static Gateway start(Path java, List<String> jvmOptions, Path jar, Path template, Path workDir, Path pki,
      int upstreamPort, Map<String, String> values) throws IOException, InterruptedException {
    int port = FreePort.next();
    int adminPort = FreePort.next();
    Files.createDirectories(workDir);
    Path config = workDir.resolve("gateway.yaml");
    String text = Files.readString(template).replace("@PKI@", pki.toString())
        .replace("@PORT@", Integer.toString(port)).replace("@ADMIN_PORT@", Integer.toString(adminPort))
        .replace("@UPSTREAM_PORT@", Integer.toString(upstreamPort));
    for (Map.Entry<String, String> value : values.entrySet()) {
      text = text.replace("@" + value.getKey() + "@", value.getValue());
    }
    Files.writeString(config, text);
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString(), "run", "--config", config.toString()));
    Path log = workDir.resolve("gateway.log");
    long launched = System.nanoTime();
    // Straight into the file: a pump thread in this JVM would copy every audit line through a
    // pipe on the cores the load generator and the gateway share (14 us a request was measured).
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    long readyAt = Processes.awaitLine(process, log, READY_LINE, launched + TimeUnit.SECONDS.toNanos(60));
    if (readyAt == 0) {
      process.destroyForcibly();
      throw new IOException("the gateway did not report ready within 60 s; see " + log);
    }
    return new Gateway(process, port, adminPort, readyAt - launched);
  }

  int port() {
    return port;
  }

  int adminPort() {
    return adminPort;
  }

  /** The admin listener's Prometheus exposition. */
  String metrics() throws IOException, InterruptedException {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  ProcessHandle handle() {
    return process.toHandle();
  }

  long startupNanos() {
    return startupNanos;
  }

  /**
   * @param handshakes TLS handshakes completed so far: one per new connection, full or resumed
   * @param allocatedBytes heap allocated so far, as of the last GC (so exact to a young generation,
   *     tens of MB, which a window of thousands of requests makes small)
   */
  record Counters(long handshakes, double allocatedBytes, GatewayClock clock) {
  }

  /** The counters of one scrape of the admin metrics, to take before and after a window. */
  Counters counters() throws IOException, InterruptedException {
    String metrics = metrics();
    return new Counters((long) sum(HANDSHAKES, metrics), sum(ALLOCATED, metrics), GatewayClock.of(metrics));
  }

  /**
   * Requests by outcome and reason id since the gateway started, e.g. {@code "rejected
   * statement.signature" -> 1200}: what the gateway says of every answer it gave, among them the
   * reason of any the bench did not expect.
   */
  Map<String, Long> decisions() throws IOException, InterruptedException {
    Map<String, Long> decisions = new TreeMap<>();
    Matcher m = DECISIONS.matcher(metrics());
    while (m.find()) {
      Map<String, String> labels = new TreeMap<>();
      Matcher label = LABEL.matcher(m.group(1));
      while (label.find()) {
        labels.put(label.group(1), label.group(2));
      }
      decisions.merge(labels.getOrDefault("outcome", "?") + " " + labels.getOrDefault("reason", "?"),
          (long) Double.parseDouble(m.group(2)), Long::sum);
    }
    return decisions;
  }

  private static double sum(Pattern series, String metrics) {
    Matcher m = series.matcher(metrics);
    double total = 0;
    while (m.find()) {
      total += Double.parseDouble(m.group(1));
    }
    return total;
  }

  /** SIGTERM, which the gateway answers with a drain; SIGKILL if it is still there 20 s later. */
  @Override
  public void close() {
    Processes.stop(process, 20);
  }
}
