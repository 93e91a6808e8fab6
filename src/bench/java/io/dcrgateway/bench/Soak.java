package io.dcrgateway.bench;

import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.devpki.DevPkiManifest;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The bounded soak run of issue 7: the gateway jar in a process of its own, with its audit trail
 * in a file, under mixed valid and hostile traffic for a fixed time; its heap after GC, RSS, open
 * file descriptors, threads and event-loop lag sampled throughout. It passes when every request
 * got its one expected status (so no 5xx for valid traffic), the audit trail holds exactly one
 * record per request with the outcome and status the client saw and its hash chain verifies with
 * the gateway's own {@code audit verify}, and every sampled figure stayed flat (last third of the
 * samples against the first, see {@link SoakFlatness}). Exit status 0 on PASS, 1 on FAIL.
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
    description = "Soak the gateway with mixed valid and hostile traffic; check answers, audit trail and flatness.")
public final class Soak implements Callable<Integer> {

  private static final int BAD_SIGNATURES_PER_ROUND = 64;
  private static final int OVERSIZED_BYTES = 100 * 1024;
  private static final int OVERSIZED_HEADER_BYTES = 10 * 1024;

  @Option(names = "--minutes", defaultValue = "10", description = "Traffic time, warm-up included (default ${DEFAULT-VALUE}).")
  private double minutes;

  @Option(names = "--warmup-seconds", defaultValue = "60",
      description = "First seconds whose samples are shown but not judged: JIT and heap sizing settle (default ${DEFAULT-VALUE}).")
  private int warmupSeconds;

  @Option(names = "--sample-seconds", defaultValue = "10", description = "Seconds between samples (default ${DEFAULT-VALUE}).")
  private int sampleSeconds;

  @Option(names = "--round-seconds", defaultValue = "30",
      description = "Traffic runs in rounds of this length; statements are minted a round ahead (default ${DEFAULT-VALUE}).")
  private int roundSeconds;

  @Option(names = "--rate-scale", defaultValue = "0.5",
      description = "Multiplies every stream's base rate (70 requests/s in all at 1; default ${DEFAULT-VALUE}, below what 2 shared cores serve).")
  private double rateScale;

  @Option(names = "--jar", defaultValue = "target/dcr-gateway.jar", description = "The gateway jar (default ${DEFAULT-VALUE}).")
  private Path jar;

  @Option(names = "--gateway-jvm-option", description = "A JVM option for the gateway (repeat; default: -Xmx256m, a set heap as the README advises).")
  private List<String> gatewayJvmOptions = new ArrayList<>(List.of("-Xmx256m"));

  @Option(names = "--templates", defaultValue = "src/bench/conf", description = "Config templates (default ${DEFAULT-VALUE}).")
  private Path templates;

  @Option(names = "--keep", description = "Keep the work directory (gateway log, audit file, samples).")
  private boolean keep;

  private final List<SoakSample> samples = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong answered = new AtomicLong();

  public static void main(String[] args) {
    Processes.stopChildrenOnExit();
    System.exit(new CommandLine(new Soak()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Path work = Files.createTempDirectory("dcr-gateway-soak");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Runtime.getRuntime().availableProcessors()));
    try {
      Path pki = work.resolve("pki");
      say("dev PKI into " + pki);
      Process devPki = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "dev-pki", "--out", pki.toString())
          .redirectErrorStream(true).redirectOutput(work.resolve("dev-pki.log").toFile()).start();
      if (devPki.waitFor() != 0) {
        throw new IOException("dev-pki failed: " + Files.readString(work.resolve("dev-pki.log")));
      }
      DevPkiManifest manifest = DevPkiManifest.read(pki);
      Path auditFile = work.resolve("gateway").resolve("audit.jsonl");
      try (Nginx upstream = Nginx.start(templates.resolve("nginx-upstream.conf"), work.resolve("upstream"), Map.of())) {
        Fixtures fixtures = new Fixtures(manifest, new LoadGenerator(vertx, new DevPkiLayout(pki).serverCa().certificate()));
        Map<SoakStream, StreamTally> tallies;
        String loadAtStart = Bench.loadAverage();
        Gateway gateway = Gateway.start(java, gatewayJvmOptions, jar, templates.resolve("gateway-soak.yaml"),
            work.resolve("gateway"), pki, upstream.port(), Map.of("AUDIT_FILE", auditFile.toString()));
        try {
          say(String.format(Locale.ROOT, "gateway pid %d ready in %d ms (%s); load average %s; %s min of traffic",
              gateway.handle().pid(), gateway.startupNanos() / 1_000_000, String.join(" ", gatewayJvmOptions),
              loadAtStart, minutes));
          String clientId = fixtures.registerClient(gateway.port());
          answered.incrementAndGet();
          tallies = drive(fixtures, gateway, clientId, java);
        } finally {
          // SIGTERM: the gateway drains and closes its audit file, which is then complete.
          gateway.close();
        }
        String loadAtEnd = Bench.loadAverage();
        AuditTally audit = AuditTally.read(auditFile);
        AuditCheck chain = verifyChain(java, auditFile);
        Files.write(work.resolve("samples.tsv"), samples.stream().map(Soak::tsv).toList());
        boolean pass = new SoakReport(tallies, rateScale, audit, chain.ok(), chain.output(), samples, warmupSeconds, loadAtStart,
            loadAtEnd, setup()).print(System.out);
        return pass ? 0 : 1;
      }
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
      if (keep) {
        say("work directory kept: " + work);
      } else {
        Bench.deleteTree(work);
      }
    }
  }

  /** Rounds of every stream in parallel until the time is up, sampling the gateway meanwhile. */
  private Map<SoakStream, StreamTally> drive(Fixtures fixtures, Gateway gateway, String clientId, Path java)
      throws Exception {
    List<SoakStream> streams = streams(fixtures, clientId);
    Map<SoakStream, StreamTally> tallies = new LinkedHashMap<>();
    Map<SoakStream, LoadGenerator.Session> sessions = new LinkedHashMap<>();
    ExecutorService senders = Executors.newFixedThreadPool(streams.size());
    ExecutorService minter = Executors.newSingleThreadExecutor();
    ScheduledExecutorService sampling = Executors.newSingleThreadScheduledExecutor();
    long start = System.nanoTime();
    long end = start + (long) (minutes * 60e9);
    try {
      for (SoakStream stream : streams) {
        tallies.put(stream, new StreamTally());
        sessions.put(stream, fixtures.generator().open(new LoadGenerator.Target("127.0.0.1", gateway.port(),
            fixtures.identity(stream.client()), stream.keepAlive()), stream.connections()));
      }
      SoakSampler sampler = new SoakSampler(gateway, java.resolveSibling("jcmd"), answered::get);
      sampling.scheduleWithFixedDelay(() -> {
        try {
          SoakSample s = sampler.sample((System.nanoTime() - start) / 1e9);
          samples.add(s);
          say(String.format(Locale.ROOT, "  %5.0f s: heap after GC %6.1f MiB, RSS %6.1f MiB, %4d fds, %3d threads,"
                  + " loop lag mean %5.2f ms (max %6.1f), %,d requests, load %s", s.elapsedSeconds(),
              s.heapAfterGcKib() / 1024.0, s.rssKib() / 1024.0, s.openFds(), s.threads(), s.lagMeanMillis(),
              s.lagMaxMillis(), s.requests(), s.loadAverage()));
        } catch (Exception e) {
          say("  sample failed: " + e);
        }
      }, sampleSeconds, sampleSeconds, TimeUnit.SECONDS);

      CompletableFuture<SoakRound.Minted> next = CompletableFuture.supplyAsync(() -> mint(fixtures), minter);
      SoakRound previous = null;
      for (int number = 1; System.nanoTime() < end; number++) {
        SoakRound round = SoakRound.of(number, next.get(), previous);
        next = CompletableFuture.supplyAsync(() -> mint(fixtures), minter);
        Duration length = Duration.ofNanos(Math.min(Duration.ofSeconds(roundSeconds).toNanos(), end - System.nanoTime()));
        if (length.toMillis() < 1_000) {
          break;
        }
        Map<SoakStream, Future<LoadGenerator.Result>> running = new LinkedHashMap<>();
        for (SoakStream stream : streams) {
          Workload workload = stream.bodies().apply(round);
          if (workload != null) {
            running.put(stream, senders.submit(() -> sessions.get(stream).paced(workload, rate(stream), length)));
          }
        }
        for (Map.Entry<SoakStream, Future<LoadGenerator.Result>> r : running.entrySet()) {
          LoadGenerator.Result result = r.getValue().get();
          tallies.get(r.getKey()).add(result);
          answered.addAndGet(result.requests() + result.failures());
        }
        say(String.format(Locale.ROOT, "round %d: %,d requests so far, %.0f s left", number, answered.get(),
            Math.max(0, end - System.nanoTime()) / 1e9));
        previous = round;
      }
    } finally {
      sampling.shutdown();
      sampling.awaitTermination(2, TimeUnit.MINUTES);
      senders.shutdownNow();
      minter.shutdownNow();
      sessions.values().forEach(LoadGenerator.Session::close);
    }
    return tallies;
  }

  private double rate(SoakStream stream) {
    return stream.perSecond() * rateScale;
  }

  /**
   * The traffic, 70 requests a second at scale 1: valid
   * registrations (keep-alive and a new handshake each), RFC 7592 reads, and the refusals the
   * internet sends: a statement signed by another key, the forged certificate, a replayed
   * statement, malformed JSON, a body over {@code max-body-size}, headers over the limit.
   */
  private List<SoakStream> streams(Fixtures fixtures, String clientId) {
    String tpp = DevPkiLayout.OFB_TPP1_A;
    List<BenchRequest> read = List.of(BenchRequest.read(clientId, "bench-token"));
    List<BenchRequest> malformed = List.of(BenchRequest.registration("{\"redirect_uris\": [\"https://tpp.example/cb\""));
    List<BenchRequest> oversized = List.of(BenchRequest.registration("{\"a\":\"" + "a".repeat(OVERSIZED_BYTES) + "\"}"));
    // Vert.x (the load generator) sends any header; the gateway's limit is 8 KiB for all of them.
    List<BenchRequest> bigHeaders = List.of(new BenchRequest(io.vertx.core.http.HttpMethod.POST, "/register",
        "application/json", "Bearer " + "a".repeat(OVERSIZED_HEADER_BYTES), io.vertx.core.buffer.Buffer.buffer("{}")));
    return List.of(
        new SoakStream("register, keep-alive", tpp, true, 10, 201, SoakRound::validKeepAlive),
        new SoakStream("register, new TLS each", tpp, false, 2, 201, SoakRound::validNewConnection),
        new SoakStream("RFC 7592 GET, keep-alive", DevPkiLayout.OFB_TPP1_B, true, 30, 200, r -> Workload.cycling(read)),
        new SoakStream("bad SSA signature", tpp, true, 10, 400, r -> Workload.cycling(r.badSignatures())),
        new SoakStream("forged certificate, new TLS each", DevPkiLayout.FORGED, false, 1, 401,
            r -> Workload.cycling(fixtures.sampleRegistrations())),
        new SoakStream("replayed jti", tpp, true, 5, 400, SoakRound::replayWorkload),
        new SoakStream("malformed JSON", tpp, true, 10, 400, r -> Workload.cycling(malformed)),
        new SoakStream("body over max-body-size (100 KiB)", tpp, false, 1, 413, r -> Workload.cycling(oversized)),
        new SoakStream("headers over max-header-size (10 KiB)", tpp, false, 1, 431, r -> Workload.cycling(bigHeaders)));
  }

  /** A round's statements: as many as its streams can send, and a few more. */
  private SoakRound.Minted mint(Fixtures fixtures) {
    int keepAlive = (int) Math.ceil(10 * rateScale * roundSeconds) + 8;
    int newConnection = (int) Math.ceil(2 * rateScale * roundSeconds) + 4;
    Registrations registrations = fixtures.registrations();
    return new SoakRound.Minted(registrations.valid(keepAlive), registrations.valid(newConnection),
        registrations.badSignature(BAD_SIGNATURES_PER_ROUND));
  }

  /** The gateway's own verifier, as an auditor runs it. */
  private AuditCheck verifyChain(Path java, Path auditFile) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "audit", "verify", auditFile.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    return new AuditCheck(p.waitFor() == 0, out);
  }

  private record AuditCheck(boolean ok, String output) {
  }

  private String setup() {
    return String.format(Locale.ROOT, "%d cores, %s, Java %s; gateway JVM %s; %s min of traffic at %.2fx"
            + " (first %d s not judged), a sample every %d s; load generator in the soak's own JVM, TLS client %s.",
        Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("java.version"),
        String.join(" ", gatewayJvmOptions), minutes, rateScale, warmupSeconds, sampleSeconds,
        LoadGenerator.openSslClient() ? "OpenSSL (BoringSSL)" : "JDK");
  }

  private static String tsv(SoakSample s) {
    return String.format(Locale.ROOT, "%.0f\t%d\t%d\t%d\t%d\t%.3f\t%.1f\t%d\t%s", s.elapsedSeconds(), s.heapAfterGcKib(),
        s.rssKib(), s.openFds(), s.threads(), s.lagMeanMillis(), s.lagMaxMillis(), s.requests(), s.loadAverage());
  }

  static void say(String line) {
    System.out.println("soak: " + line);
    System.out.flush();
  }

  /** What one stream's clients received over every round. */
  static final class StreamTally {
    final Map<Integer, Long> statuses = new TreeMap<>();
    long requests;
    long failures;
    String firstFailure;
    double worstP99Millis;

    void add(LoadGenerator.Result result) {
      result.statuses().forEach((status, n) -> statuses.merge(status, n, Long::sum));
      requests += result.requests();
      failures += result.failures();
      if (firstFailure == null) {
        firstFailure = result.firstFailure();
      }
      if (!Double.isNaN(result.latency().p99())) {
        worstP99Millis = Math.max(worstP99Millis, result.latency().p99());
      }
    }
  }
}
