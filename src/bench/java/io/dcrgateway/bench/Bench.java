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
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark of issue 6 in one command: dcr-gateway and nginx side by side on this machine,
 * in front of the same fast upstream, with the same certificates and bodies, against the crypto
 * floor {@code openssl speed} gives. The gateway's cold start is timed {@code --runs} times; then
 * one gateway is warmed up (the JIT needs tens of thousands of requests) and every scenario is
 * measured against it and against nginx, back to back, {@code --runs} times; the tables print
 * medians.
 *
 * <p>Processes: this JVM (orchestration and load generator), the gateway's JVM, nginx (master
 * and workers) as the peer, and a second nginx as the upstream. All on loopback, all stopped at
 * the end.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmark dcr-gateway against nginx and the crypto floor; prints Markdown tables.")
public final class Bench implements Callable<Integer> {

  /** Where the upstream answers registrations (src/bench/conf/gateway.yaml and nginx-upstream.conf). */
  private static final String UPSTREAM_REGISTRATION_PATH = "/realms/dcr/clients-registrations/openid-connect";
  /**
   * A scenario's warm-up is repeated while the server's JIT compilers took more than this share
   * of its CPU, at most {@link #MOST_WARMUP_ROUNDS} times: the JIT warm-up's mix leaves a
   * one-scenario workload to be recompiled, and a measured window with the JIT at 7-11 % read
   * 20-50 % dearer than the next one at 0-2 % (eleventh and twelfth runs).
   */
  private static final double SETTLED_JIT_SHARE = 0.03;
  private static final int MOST_WARMUP_ROUNDS = 8;
  private static final Map<Scenario, Double> FIRST_GUESS = Map.of(
      Scenario.REGISTER_KEEPALIVE, 2000.0, Scenario.REGISTER_NEW_TLS, 400.0);
  /** Connections the handshake flood may have open at once: more than its pace ever needs. */
  private static final int FLOOD_CONNECTIONS = 64;

  @Option(names = "--runs", defaultValue = "3", description = "Runs over all scenarios, and cold starts timed (default ${DEFAULT-VALUE}).")
  private int runs;

  @Option(names = "--seconds", defaultValue = "4", description = "Measured seconds per scenario and server (default ${DEFAULT-VALUE}).")
  private int seconds;

  @Option(names = "--warmup-seconds", defaultValue = "1", description = "Warm-up per scenario and server, not measured (default ${DEFAULT-VALUE}).")
  private int warmupSeconds;

  @Option(names = "--jit-warmup-seconds", defaultValue = "30",
      description = "Least warm-up of the gateway before the first run (default ${DEFAULT-VALUE}).")
  private int jitWarmupSeconds;

  @Option(names = "--jit-warmup-max-seconds", defaultValue = "180",
      description = "Most warm-up, if its JIT compilers are still busy (default ${DEFAULT-VALUE}).")
  private int jitWarmupMaxSeconds;

  @Option(names = "--concurrency", defaultValue = "16", description = "Requests in flight over keep-alive connections (default ${DEFAULT-VALUE}).")
  private int concurrency;

  @Option(names = "--new-connection-concurrency", defaultValue = "8",
      description = "Requests (each on a new connection) in flight (default ${DEFAULT-VALUE}).")
  private int newConnectionConcurrency;

  @Option(names = "--speed-seconds", defaultValue = "2", description = "openssl speed seconds per operation (default ${DEFAULT-VALUE}).")
  private int speedSeconds;

  @Option(names = "--scenario", description = "Only these scenarios (repeat): ${COMPLETION-CANDIDATES}.")
  private List<Scenario> only = new ArrayList<>();

  @Option(names = "--jar", defaultValue = "target/dcr-gateway.jar", description = "The gateway jar (default ${DEFAULT-VALUE}).")
  private Path jar;

  @Option(names = "--gateway-java", description = "java for the gateway (default: this JVM's).")
  private Path gatewayJava;

  @Option(names = "--gateway-jvm-option", description = "A JVM option for the gateway (repeat), e.g. -Xmx256m.")
  private List<String> gatewayJvmOptions = new ArrayList<>();

  @Option(names = "--templates", defaultValue = "src/bench/conf", description = "Config templates (default ${DEFAULT-VALUE}).")
  private Path templates;

  @Option(names = "--gateway-cds", description = "Start the gateway with an archive of the classes a start loads"
      + " (AppCDS, as the Docker image does), made by one training start first.")
  private boolean gatewayCds;

  @Option(names = "--client-groups", defaultValue = "x25519,secp256r1,secp384r1",
      description = "Key exchange groups the load generator offers, in order (default ${DEFAULT-VALUE}: what nginx"
          + " with Debian's OpenSSL 3.0 can take, so both servers do the same key exchange). Netty's BoringSSL"
          + " default puts X25519MLKEM768 first, which the gateway takes and nginx cannot: give"
          + " X25519MLKEM768,x25519 to measure what a post-quantum hybrid handshake costs the gateway.")
  private String clientGroups;

  @Option(names = "--server-key", defaultValue = "rsa", description = "The servers' key: rsa (the dev PKI's RSA 2048,"
      + " default) or ec (ECDSA P-256, issued by the same dev server CA; both servers use it).")
  private String serverKey;

  @Option(names = "--nginx-session-tickets", defaultValue = "on", description = "on (nginx's default, and like the"
      + " gateway, which issues tickets so that a TPP can resume) or off: nginx then offers no resumption and skips"
      + " the tickets' cost in each handshake (default ${DEFAULT-VALUE}).")
  private String nginxSessionTickets;

  @Option(names = "--vertx-floor", description = "Measure a bare Vert.x mTLS proxy too (bench VertxProxy: the"
      + " gateway's transport, nothing else) on the keep-alive scenarios: what the framework costs, apart from the"
      + " gateway's own work.")
  private boolean vertxFloor;

  @Option(names = "--keep", description = "Keep the work directory (configs, logs, dev PKI) instead of deleting it.")
  private boolean keep;

  private final Map<Scenario, Double> rates = new EnumMap<>(FIRST_GUESS);
  /** Set from the first run's rates, then kept: see {@link #floodPace}. */
  private double floodPace;

  public static void main(String[] args) {
    Processes.stopChildrenOnExit();
    System.exit(new CommandLine(new Bench()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    List<Scenario> scenarios = only.isEmpty() ? List.of(Scenario.values()) : only;
    // Read once, when Netty's OpenSsl class is first used (the load generator's first TLS context).
    System.setProperty("jdk.tls.namedGroups", clientGroups);
    Path work = Files.createTempDirectory("dcr-gateway-bench");
    Path java = gatewayJava != null ? gatewayJava : Path.of(System.getProperty("java.home"), "bin", "java");
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Runtime.getRuntime().availableProcessors()));
    try {
      Path pki = work.resolve("pki");
      say("dev PKI into " + pki);
      run(List.of(java.toString(), "-jar", jar.toString(), "dev-pki", "--out", pki.toString()), work.resolve("dev-pki.log"));
      DevPkiManifest manifest = DevPkiManifest.read(pki);
      boolean ecServerKey = switch (serverKey) {
        case "rsa" -> false;
        case "ec" -> true;
        default -> throw new CommandLine.ParameterException(new CommandLine(this),
            "--server-key must be rsa or ec, got " + serverKey);
      };
      if (!List.of("on", "off").contains(nginxSessionTickets)) {
        throw new CommandLine.ParameterException(new CommandLine(this),
            "--nginx-session-tickets must be on or off, got " + nginxSessionTickets);
      }
      if (ecServerKey) {
        EcServerKey.install(pki, work);
      }
      say("openssl speed (" + speedSeconds + " s per operation, before any server starts)");
      CryptoLimit limit = CryptoLimit.measure(speedSeconds, ecServerKey);
      Report report = new Report(limit, runs);
      try (Nginx upstream = Nginx.start(templates.resolve("nginx-upstream.conf"), work.resolve("upstream"), Map.of());
           Nginx peer = Nginx.start(templates.resolve("nginx-peer.conf"), work.resolve("nginx"),
               Map.of("PKI", pki.toString(), "UPSTREAM_PORT", Integer.toString(upstream.port()),
                   "SESSION_TICKETS", nginxSessionTickets))) {
        Fixtures fixtures = new Fixtures(manifest, new LoadGenerator(vertx, new DevPkiLayout(pki).serverCa().certificate()));
        if (gatewayCds) {
          archiveClasses(java, work, pki, upstream);
        }
        measureStartup(report, java, work, pki, upstream);
        measureLoad(scenarios, fixtures, report, java, work, pki, upstream, peer);
      }
      report.print(System.out, setup());
      return 0;
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
      if (keep) {
        say("work directory kept: " + work);
      } else {
        deleteTree(work);
      }
    }
  }

  /** One start with {@code -XX:ArchiveClassesAtExit}, stopped once ready; every later start maps the archive. */
  private void archiveClasses(Path java, Path work, Path pki, Nginx upstream) throws Exception {
    Path archive = work.resolve("gateway.jsa");
    List<String> training = new ArrayList<>(gatewayJvmOptions);
    training.add("-XX:ArchiveClassesAtExit=" + archive);
    try (Gateway gateway = Gateway.start(java, training, jar, templates.resolve("gateway.yaml"), work.resolve("cds"), pki,
        upstream.port())) {
      say("class archive: training start ready in " + gateway.startupNanos() / 1_000_000 + " ms");
    }
    if (!Files.isRegularFile(archive)) {
      throw new IllegalStateException("the training start wrote no class archive; see " + work.resolve("cds"));
    }
    gatewayJvmOptions.add("-XX:SharedArchiveFile=" + archive);
  }

  /** Cold starts of the gateway, launch to ready, one per run. */
  private void measureStartup(Report report, Path java, Path work, Path pki, Nginx upstream) throws Exception {
    for (int run = 1; run <= runs; run++) {
      try (Gateway gateway = Gateway.start(java, gatewayJvmOptions, jar, templates.resolve("gateway.yaml"),
          work.resolve("startup-" + run), pki, upstream.port())) {
        report.startup(gateway.startupNanos() / 1e6);
        say(String.format(Locale.ROOT, "start-up %d/%d: gateway ready in %d ms", run, runs,
            gateway.startupNanos() / 1_000_000));
      }
    }
  }

  /**
   * One gateway, warmed up, then every scenario against it and against nginx, {@code runs} times:
   * gateway and nginx measured back to back, so that both see the same machine.
   */
  private void measureLoad(List<Scenario> scenarios, Fixtures fixtures, Report report, Path java, Path work, Path pki,
      Nginx upstream, Nginx peer) throws Exception {
    AtomicLong maxRss = new AtomicLong();
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    try (Gateway gateway = Gateway.start(java, gatewayJvmOptions, jar, templates.resolve("gateway.yaml"),
        work.resolve("gateway"), pki, upstream.port());
         VertxProxy floor = vertxFloor
             ? VertxProxy.start(java, gatewayJvmOptions, work.resolve("vertx-floor"), pki, upstream.port()) : null) {
      sampler.scheduleAtFixedRate(() -> maxRss.accumulateAndGet(ProcessUsage.residentKib(gateway.handle()), Math::max),
          0, 100, TimeUnit.MILLISECONDS);
      String clientId = fixtures.registerClient(gateway.port());
      new JitWarmUp(fixtures, concurrency, newConnectionConcurrency, jitWarmupSeconds, jitWarmupMaxSeconds)
          .run(gateway, clientId);
      if (floor != null) {
        warmUp(floor, fixtures);
      }
      for (int run = 1; run <= runs; run++) {
        String load = loadAverage();
        report.loadAverage(load);
        say(String.format(Locale.ROOT, "run %d/%d (load average %s)", run, runs, load));
        for (Scenario scenario : scenarios) {
          report.add(measure(run, scenario, fixtures, true, gateway.port(), gateway.handle(), gateway, clientId));
          report.add(measure(run, scenario, fixtures, false, peer.port(), peer.handle(), null, clientId));
          if (floor != null && scenario.keepAlive() && !scenario.paced()) {
            report.vertxFloor(measure(run, scenario, fixtures, false, floor.port(), floor.handle(), null, clientId,
                "vertx"));
          }
          if (scenario.paced() && !scenario.flooded()) {
            report.noProxy(measureNoProxy(run, scenario, fixtures, upstream));
          }
        }
      }
      sampler.shutdownNow();
      report.memory(maxRss.get(), ProcessUsage.peakResidentKib(gateway.handle()));
      report.decisions(gateway.decisions());
    } finally {
      sampler.shutdownNow();
    }
  }

  /** The 1, 5 and 15 minute load averages: other work on the machine shows here. */
  static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "?";
    }
  }

  private Measurement measure(int run, Scenario scenario, Fixtures fixtures, boolean toGateway, int port,
      ProcessHandle server, Gateway gateway, String clientId) throws Exception {
    return measure(run, scenario, fixtures, toGateway, port, server, gateway, clientId, toGateway ? "gateway" : "nginx");
  }

  /**
   * The floor's JIT warm-up, as long as the gateway's least: registrations over keep-alive
   * connections (reads and refused statements take the same forwarding path through it).
   */
  private void warmUp(VertxProxy floor, Fixtures fixtures) throws Exception {
    LoadGenerator.Target target = new LoadGenerator.Target("127.0.0.1", floor.port(),
        fixtures.identity(Scenario.REGISTER_KEEPALIVE.client()), true);
    try (LoadGenerator.Session session = fixtures.generator().open(target, concurrency)) {
      LoadGenerator.Result result = session.closedLoop(Workload.cycling(fixtures.sampleRegistrations()), concurrency,
          Duration.ofSeconds(jitWarmupSeconds));
      say(String.format(Locale.ROOT, "Vert.x floor warm-up: %d requests in %d s %s", result.requests(), jitWarmupSeconds,
          result.statuses()));
    }
  }

  private Measurement measure(int run, Scenario scenario, Fixtures fixtures, boolean toGateway, int port,
      ProcessHandle server, Gateway gateway, String clientId, String label) throws Exception {
    LoadGenerator.Target target = new LoadGenerator.Target("127.0.0.1", port, fixtures.identity(scenario.client()),
        scenario.keepAlive());
    int inFlight = scenario.keepAlive() ? concurrency : newConnectionConcurrency;
    double pace = pace(scenario);
    try (LoadGenerator.Session session = fixtures.generator().open(target, inFlight)) {
      // Warm-up on the same client: its keep-alive connections carry the measured window.
      double warmJit;
      int rounds = 0;
      do {
        Workload warm = scenario.paced()
            ? freshWorkload(toGateway, fresh(fixtures, inFlight))
            : workload(scenario, toGateway, fixtures, clientId, warmupSeconds);
        long warmCpu = ProcessUsage.cpuNanos(server);
        long warmCompiler = ProcessUsage.compilerCpuNanos(server);
        if (gateway != null) {
          // As around the window: the metrics scrape compiles its own code and, with other
          // callers' types in their profiles, deoptimises shared hot methods (a JIT log showed the
          // first windows recompiling them at 15-17 % of the gateway's CPU).
          gateway.counters();
        }
        learn(scenario, toGateway, session.closedLoop(warm, inFlight, Duration.ofSeconds(warmupSeconds)));
        warmJit = (ProcessUsage.compilerCpuNanos(server) - warmCompiler)
            / (double) Math.max(1, ProcessUsage.cpuNanos(server) - warmCpu);
      } while (warmJit > SETTLED_JIT_SHARE && ++rounds < MOST_WARMUP_ROUNDS);
      if (rounds > 0) {
        say(String.format(Locale.ROOT, "  (%s warm-up: %d rounds of %d s, the JIT at %.0f %% of its CPU in the last)",
            label, rounds + (warmJit > SETTLED_JIT_SHARE ? 0 : 1), warmupSeconds, 100 * warmJit));
      }
      LoadGenerator.Result quiet = null;
      HandshakeFlood flood = null;
      if (scenario.flooded()) {
        quiet = session.paced(freshWorkload(toGateway, fresh(fixtures, pacedCount(pace))), pace, Duration.ofSeconds(seconds));
      }
      Workload workload = scenario.paced()
          ? freshWorkload(toGateway, fresh(fixtures, pacedCount(pace)))
          : workload(scenario, toGateway, fixtures, clientId, seconds);
      if (scenario.flooded()) {
        flood = HandshakeFlood.start(fixtures, port, FLOOD_CONNECTIONS, floodPace(), seconds);
      }
      try {
        Gateway.Counters before = gateway == null ? null : gateway.counters();
        long serverCpu = ProcessUsage.cpuNanos(server);
        long compilerCpu = ProcessUsage.compilerCpuNanos(server);
        long clientCpu = ProcessUsage.ownCpuNanos();
        LoadGenerator.Result result = scenario.paced()
            ? session.paced(workload, pace, Duration.ofSeconds(seconds))
            : session.closedLoop(workload, inFlight, Duration.ofSeconds(seconds));
        if (flood != null) {
          flood.stop();
        }
        long serverCpuUsed = ProcessUsage.cpuNanos(server) - serverCpu;
        long compilerCpuUsed = ProcessUsage.compilerCpuNanos(server) - compilerCpu;
        long clientCpuUsed = ProcessUsage.ownCpuNanos() - clientCpu;
        Gateway.Counters after = gateway == null ? null : gateway.counters();
        double requests = Math.max(1, result.requests());
        double handshakes = gateway == null ? Double.NaN : (after.handshakes() - before.handshakes()) / requests;
        double allocated = gateway == null ? Double.NaN : (after.allocatedBytes() - before.allocatedBytes()) / requests;
        learn(scenario, toGateway, result);
        Measurement m = new Measurement(scenario, toGateway, run, result, serverCpuUsed, compilerCpuUsed, clientCpuUsed,
            handshakes, allocated, gateway == null ? null : after.clock().since(before.clock()),
            flood == null ? null : new Measurement.Flood(quiet, flood.result(), flood.perSecond()));
        say(String.format(Locale.ROOT, "  %-34s %-7s %8.0f req/s  %6.0f µs CPU/req (JIT %2.0f%%)%s  p50 %6.2f ms  p99 %7.2f ms  %s%s",
            scenario.title(), label, result.perSecond(), m.serverMicrosPerRequest(),
            100.0 * compilerCpuUsed / Math.max(1, serverCpuUsed),
            gateway == null ? "" : String.format(Locale.ROOT, " %4.0f kB heap/req", allocated / 1024),
            result.latency().p50(), result.latency().p99(),
            result.statuses(), result.failures() > 0 ? " " + result.failures() + " failed: " + result.firstFailure() : ""));
        if (m.flood() != null) {
          say(String.format(Locale.ROOT, "  %-34s %-7s alone: p50 %6.2f ms  p99 %7.2f ms  %s; flood: %.0f forged handshakes/s %s",
              "", label, quiet.latency().p50(), quiet.latency().p99(), quiet.statuses(), m.flood().attack().perSecond(),
              m.flood().attack().statuses()));
        }
        return m;
      } finally {
        if (flood != null) {
          flood.close();
        }
      }
    }
  }

  /**
   * The paced window once more, straight to the upstream over plain HTTP keep-alive, nothing in
   * front: what the load generator, the loopback and the upstream take by themselves at that
   * pace, so that the latency a proxy adds can be told from theirs.
   */
  private Measurement measureNoProxy(int run, Scenario scenario, Fixtures fixtures, Nginx upstream) throws Exception {
    double pace = pace(scenario);
    // Minted just before the window, as the proxies' are: the same allocation behind it, the same bodies.
    List<BenchRequest> direct = fresh(fixtures, pacedCount(pace)).stream()
        .map(r -> new BenchRequest(r.method(), UPSTREAM_REGISTRATION_PATH, r.contentType(), r.authorization(), r.body()))
        .toList();
    try (LoadGenerator.Session session = fixtures.generator().open(LoadGenerator.Target.plain("127.0.0.1", upstream.port()),
        concurrency)) {
      session.closedLoop(Workload.once(direct.subList(0, Math.min(direct.size(), concurrency))), concurrency,
          Duration.ofSeconds(warmupSeconds));
      long serverCpu = ProcessUsage.cpuNanos(upstream.handle());
      long clientCpu = ProcessUsage.ownCpuNanos();
      LoadGenerator.Result result = session.paced(Workload.cycling(direct), pace, Duration.ofSeconds(seconds));
      Measurement m = new Measurement(scenario, false, run, result, ProcessUsage.cpuNanos(upstream.handle()) - serverCpu,
          0, ProcessUsage.ownCpuNanos() - clientCpu, Double.NaN, Double.NaN, null);
      say(String.format(Locale.ROOT, "  %-34s %-7s %8.0f req/s  p50 %6.2f ms  p99 %7.2f ms  %s",
          scenario.title(), "no proxy", result.perSecond(), result.latency().p50(), result.latency().p99(), result.statuses()));
      return m;
    }
  }

  private int pacedCount(double pace) {
    return (int) (pace * seconds) + 16;
  }

  /**
   * A window of freshly minted registrations. The gateway uses each once (a jti seen before is a
   * replay). nginx checks no statement, but gets a set minted the same way just before its window
   * too, cycled if it outruns it: the load generator then allocates, collects and sends alike for
   * both (nginx's windows once cycled a few samples, kept warm in the generator's caches).
   */
  private static Workload freshWorkload(boolean toGateway, List<BenchRequest> minted) {
    return toGateway ? Workload.once(minted) : Workload.cycling(minted);
  }

  /**
   * The handshake flood's rate: half the gateway's rate of registrations on new connections in
   * the first run (a forged certificate costs either server less than a registration), the same
   * for both servers and every run, so that run-to-run medians are of one flood.
   */
  private double floodPace() {
    if (floodPace == 0) {
      floodPace = rates.getOrDefault(Scenario.REGISTER_NEW_TLS, FIRST_GUESS.get(Scenario.REGISTER_NEW_TLS)) / 2;
    }
    return floodPace;
  }

  /** A paced scenario's rate: its share of the keep-alive registration rate last seen at the gateway. */
  private double pace(Scenario scenario) {
    return rates.getOrDefault(Scenario.REGISTER_KEEPALIVE, FIRST_GUESS.get(Scenario.REGISTER_KEEPALIVE))
        * scenario.shareOfKeepAliveRate();
  }

  /** Registration rates seen at the gateway size the next pools of fresh statements. */
  private void learn(Scenario scenario, boolean toGateway, LoadGenerator.Result result) {
    if (toGateway && !scenario.paced() && scenario.body() == Scenario.Body.FRESH_STATEMENT && result.requests() > 0) {
      rates.put(scenario, result.perSecond());
    }
  }

  private Workload workload(Scenario scenario, boolean toGateway, Fixtures fixtures, String clientId, int windowSeconds) {
    return switch (scenario.body()) {
      // 1.25x the gateway's last rate: its window ends early rather than replaying a statement.
      case FRESH_STATEMENT -> freshWorkload(toGateway,
          fresh(fixtures, (int) (rates.get(scenario) * windowSeconds * 1.25) + 16));
      case BAD_SIGNATURE -> Workload.cycling(fixtures.badSignatures());
      case ANY -> Workload.cycling(fixtures.sampleRegistrations());
      case READ -> Workload.cycling(List.of(BenchRequest.read(clientId, "bench-token")));
    };
  }

  private static List<BenchRequest> fresh(Fixtures fixtures, int count) {
    long start = System.nanoTime();
    List<BenchRequest> requests = fixtures.registrations().valid(count);
    say(String.format(Locale.ROOT, "  (minted %d software statements in %.1f s)", count, (System.nanoTime() - start) / 1e9));
    return requests;
  }

  private String setup() {
    return String.format(Locale.ROOT, "Machine: %d cores, %s; gateway JVM: %s %s; nginx: %s, session tickets %s; load generator: this JVM,"
            + " Vert.x HTTP/1.1, TLS client %s offering key exchange groups %s, %d keep-alive connections / %d concurrent new connections;"
            + " %d s measured after %d s warm-up per scenario and server, repeated (up to %d times) while the server's JIT"
            + " compilers took over %.0f %% of its CPU.",
        Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
        gatewayJava == null ? "Java " + System.getProperty("java.version") : gatewayJava,
        gatewayJvmOptions.isEmpty() ? "(default options)" : String.join(" ", gatewayJvmOptions),
        nginxVersion(), nginxSessionTickets, LoadGenerator.openSslClient() ? "OpenSSL (BoringSSL)" : "JDK",
        clientGroups, concurrency, newConnectionConcurrency, seconds, warmupSeconds, MOST_WARMUP_ROUNDS,
        100 * SETTLED_JIT_SHARE);
  }

  private static String nginxVersion() {
    try {
      Process v = new ProcessBuilder("nginx", "-v").redirectErrorStream(true).start();
      String out = new String(v.getInputStream().readAllBytes()).trim();
      v.waitFor();
      return out.replace("nginx version: ", "");
    } catch (IOException e) {
      return "?";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }

  private static void run(List<String> command, Path log) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (p.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed:\n" + Files.readString(log));
    }
  }

  static void say(String line) {
    System.out.println("bench: " + line);
    System.out.flush();
  }

  static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
