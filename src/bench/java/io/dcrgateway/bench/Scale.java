package io.dcrgateway.bench;

import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.devpki.DevPkiManifest;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What the shared store costs per registration (issue 8): in one run, (a) one gateway with its
 * state in memory, (b) one gateway with its state in a real redis-server, (c) two gateways (two
 * JVMs, two ports) sharing that Redis, the load generator's connections alternating over them
 * (no balancer). Every registration carries a fresh software statement jti, so each one writes
 * its replay id and its client's owner to the store. Per case: throughput, the gateways' CPU
 * (summed) and redis-server's per registration, latency, the Redis commands per registration,
 * each against case (a) of the same run.
 *
 * <p>Before measuring, a statement registered at one instance must be refused as a replay at the
 * other and the client read through the other; after, every Redis-backed instance must report
 * {@code dcr_gateway_shared_state_available{store="redis"} 1}. Exit status 1 if any of that, or
 * any answer, was not as expected.
 */
@Command(name = "scale", mixinStandardHelpOptions = true,
    description = "Benchmark dcr-gateway with its state in memory, in Redis, and two instances sharing Redis.")
public final class Scale implements Callable<Integer> {

  private static final Map<Scenario, Double> FIRST_GUESS = Map.of(
      Scenario.REGISTER_KEEPALIVE, 2000.0, Scenario.REGISTER_NEW_TLS, 400.0);
  private static final Pattern AVAILABLE = Pattern.compile(
      "^dcr_gateway_shared_state_available\\{store=\"([^\"]+)\"} ([0-9.E+]+)$", Pattern.MULTILINE);
  private static final String REDIS_UP = "{store=\"redis\"} 1";

  @Option(names = "--runs", defaultValue = "3", description = "Runs over all scenarios and cases (default ${DEFAULT-VALUE}).")
  private int runs;

  @Option(names = "--seconds", defaultValue = "4", description = "Measured seconds per scenario and case (default ${DEFAULT-VALUE}).")
  private int seconds;

  @Option(names = "--warmup-seconds", defaultValue = "1", description = "Warm-up per scenario and case, not measured (default ${DEFAULT-VALUE}).")
  private int warmupSeconds;

  @Option(names = "--jit-warmup-seconds", defaultValue = "30",
      description = "Least JIT warm-up of each gateway instance before the first run (default ${DEFAULT-VALUE}).")
  private int jitWarmupSeconds;

  @Option(names = "--jit-warmup-max-seconds", defaultValue = "180",
      description = "Most JIT warm-up per instance, if its JIT compilers are still busy (default ${DEFAULT-VALUE}).")
  private int jitWarmupMaxSeconds;

  @Option(names = "--concurrency", defaultValue = "16",
      description = "Requests in flight over keep-alive connections, over all instances (default ${DEFAULT-VALUE}).")
  private int concurrency;

  @Option(names = "--new-connection-concurrency", defaultValue = "8",
      description = "Requests (each on a new connection) in flight, over all instances (default ${DEFAULT-VALUE}).")
  private int newConnectionConcurrency;

  @Option(names = "--scenario", description = "Only these scenarios (repeat): REGISTER_KEEPALIVE, REGISTER_NEW_TLS (default both).")
  private List<Scenario> only = new ArrayList<>();

  @Option(names = "--jar", defaultValue = "target/dcr-gateway.jar", description = "The gateway jar (default ${DEFAULT-VALUE}).")
  private Path jar;

  @Option(names = "--gateway-java", description = "java for the gateways (default: this JVM's).")
  private Path gatewayJava;

  @Option(names = "--gateway-jvm-option", description = "A JVM option for every gateway instance (repeat), e.g. -Xmx256m.")
  private List<String> gatewayJvmOptions = new ArrayList<>();

  @Option(names = "--templates", defaultValue = "src/bench/conf", description = "Config templates (default ${DEFAULT-VALUE}).")
  private Path templates;

  @Option(names = "--keep", description = "Keep the work directory (configs, logs, dev PKI) instead of deleting it.")
  private boolean keep;

  private final Map<String, Double> rates = new HashMap<>();
  private boolean checksPassed = true;

  public static void main(String[] args) {
    Processes.stopChildrenOnExit();
    System.exit(new CommandLine(new Scale()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    List<Scenario> scenarios = only.isEmpty() ? List.of(Scenario.REGISTER_KEEPALIVE, Scenario.REGISTER_NEW_TLS) : only;
    for (Scenario s : scenarios) {
      if (!FIRST_GUESS.containsKey(s)) {
        throw new CommandLine.ParameterException(new CommandLine(this),
            "--scenario " + s + ": only the registration scenarios reach the shared store: " + FIRST_GUESS.keySet());
      }
    }
    // Interrupted (SIGTERM, SIGINT): stop the servers this JVM started, by their handles.
    Thread stopChildren = new Thread(() -> ProcessHandle.current().children().forEach(ProcessHandle::destroy));
    Runtime.getRuntime().addShutdownHook(stopChildren);
    Path work = Files.createTempDirectory("dcr-gateway-scale");
    Path java = gatewayJava != null ? gatewayJava : Path.of(System.getProperty("java.home"), "bin", "java");
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Runtime.getRuntime().availableProcessors()));
    ScaleReport report = new ScaleReport(runs);
    String redisVersion;
    try {
      Path pki = work.resolve("pki");
      Bench.say("dev PKI into " + pki);
      Process devPki = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "dev-pki", "--out", pki.toString())
          .redirectErrorStream(true).redirectOutput(work.resolve("dev-pki.log").toFile()).start();
      if (devPki.waitFor() != 0) {
        throw new IOException("dev-pki failed:\n" + Files.readString(work.resolve("dev-pki.log")));
      }
      DevPkiManifest manifest = DevPkiManifest.read(pki);
      try (Nginx upstream = Nginx.start(templates.resolve("nginx-upstream.conf"), work.resolve("upstream"), Map.of());
           RedisServer redis = RedisServer.start(work.resolve("redis"))) {
        redisVersion = redis.version();
        Bench.say("redis-server " + redisVersion + " on port " + redis.port() + " (no persistence)");
        Fixtures fixtures = new Fixtures(manifest, new LoadGenerator(vertx, new DevPkiLayout(pki).serverCa().certificate()));
        Path redisTemplate = work.resolve("gateway-redis.yaml");
        Files.writeString(redisTemplate, Files.readString(templates.resolve("gateway.yaml")) + "\n"
            + Files.readString(templates.resolve("gateway-state-redis.yaml")));
        Map<String, String> redisValues = Map.of("REDIS_PORT", Integer.toString(redis.port()));
        try (Gateway memory = start(java, templates.resolve("gateway.yaml"), work.resolve("gateway-memory"), pki,
                 upstream, Map.of());
             Gateway first = start(java, redisTemplate, work.resolve("gateway-redis-1"), pki, upstream, redisValues);
             Gateway second = start(java, redisTemplate, work.resolve("gateway-redis-2"), pki, upstream, redisValues)) {
          Map<Deployment, List<Gateway>> instances = new EnumMap<>(Map.of(Deployment.ONE_MEMORY, List.of(memory),
              Deployment.ONE_REDIS, List.of(first), Deployment.TWO_REDIS, List.of(first, second)));
          checkAcrossInstances(fixtures, first, second, report);
          JitWarmUp warmUp = new JitWarmUp(fixtures, concurrency, newConnectionConcurrency, jitWarmupSeconds,
              jitWarmupMaxSeconds);
          for (Gateway gateway : List.of(memory, first, second)) {
            Bench.say("JIT warm-up of the instance on port " + gateway.port());
            warmUp.run(gateway, fixtures.registerClient(gateway.port()));
          }
          for (int run = 1; run <= runs; run++) {
            String load = Bench.loadAverage();
            report.loadAverage(load);
            Bench.say(String.format(Locale.ROOT, "run %d/%d (load average %s)", run, runs, load));
            for (Scenario scenario : scenarios) {
              for (Deployment deployment : Deployment.values()) {
                report.add(measure(run, scenario, deployment, instances.get(deployment), redis, fixtures));
              }
            }
          }
          checkAfter(report, redis, memory, first, second);
        }
      }
      report.print(System.out, setup(redisVersion));
      return checksPassed && report.clean() ? 0 : 1;
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
      if (keep) {
        Bench.say("work directory kept: " + work);
      } else {
        Bench.deleteTree(work);
      }
      Runtime.getRuntime().removeShutdownHook(stopChildren);
    }
  }

  private Gateway start(Path java, Path template, Path dir, Path pki, Nginx upstream, Map<String, String> values)
      throws IOException, InterruptedException {
    Gateway gateway = Gateway.start(java, gatewayJvmOptions, jar, template, dir, pki, upstream.port(), values);
    Bench.say(String.format(Locale.ROOT, "gateway %s on port %d, pid %d, ready in %d ms", dir.getFileName(),
        gateway.port(), gateway.handle().pid(), gateway.startupNanos() / 1_000_000));
    return gateway;
  }

  /**
   * The store is really shared: a statement registered at one instance is a replay at the other,
   * and the client it registered is read (RFC 7592, by the software's other certificate) through
   * the other, which knows its owner only from Redis.
   */
  private void checkAcrossInstances(Fixtures fixtures, Gateway first, Gateway second, ScaleReport report)
      throws Exception {
    BenchRequest registration = fixtures.registrations().valid(1).get(0);
    LoadGenerator.Exchange registered = exchange(fixtures, first, DevPkiLayout.OFB_TPP1_A, registration);
    LoadGenerator.Exchange replayed = exchange(fixtures, second, DevPkiLayout.OFB_TPP1_A, registration);
    String error = replayed.status() == 400 ? new JsonObject(replayed.body()).getString("error") : "";
    check(report, registered.status() == 201 && replayed.status() == 400 && "invalid_software_statement".equals(error),
        "Replay across instances: a statement registered at instance 1 (" + registered.status()
            + ") and sent again to instance 2: " + replayed.status() + " " + error);
    if (registered.status() == 201) {
      String clientId = new JsonObject(registered.body()).getString("client_id");
      LoadGenerator.Exchange read = exchange(fixtures, second, DevPkiLayout.OFB_TPP1_B,
          BenchRequest.read(clientId, "bench-token"));
      check(report, read.status() == 200, "Ownership across instances: the client registered at instance 1, read"
          + " through instance 2 by the software's other certificate: " + read.status());
    }
  }

  private static LoadGenerator.Exchange exchange(Fixtures fixtures, Gateway gateway, String client, BenchRequest request)
      throws Exception {
    try (LoadGenerator.Session session = fixtures.generator().open(
        new LoadGenerator.Target("127.0.0.1", gateway.port(), fixtures.identity(client), false), 1)) {
      return session.exchange(request);
    }
  }

  /** After the runs: each instance's store gauge, and what the runs left in Redis. */
  private void checkAfter(ScaleReport report, RedisServer redis, Gateway memory, Gateway first, Gateway second)
      throws Exception {
    String gauges = "instance (a) " + available(memory) + ", Redis instance 1 " + available(first)
        + ", Redis instance 2 " + available(second);
    check(report, REDIS_UP.equals(available(first)) && REDIS_UP.equals(available(second)),
        "dcr_gateway_shared_state_available after the runs: " + gauges);
    long owners = countKeys(redis, "dcr-gateway:owner:*");
    long replay = countKeys(redis, "dcr-gateway:replay:*");
    long accepted = report.acceptedThroughRedis();
    check(report, owners >= accepted, String.format(Locale.ROOT,
        "Redis keys after the runs: %,d in all, %,d owner (at least the %,d registrations accepted in the measured"
            + " Redis windows), %,d replay ids (each kept until its statement's max-age ends)",
        redis.keys(), owners, accepted, replay));
    report.check(String.format(Locale.ROOT, "Peak RSS (VmHWM): gateway (a) %,d MiB, Redis instance 1 %,d MiB,"
            + " Redis instance 2 %,d MiB (default heap sizing); redis-server %,d MiB",
        ProcessUsage.peakResidentKib(memory.handle()) / 1024, ProcessUsage.peakResidentKib(first.handle()) / 1024,
        ProcessUsage.peakResidentKib(second.handle()) / 1024, ProcessUsage.peakResidentKib(redis.handle()) / 1024));
  }

  private static String available(Gateway gateway) throws IOException, InterruptedException {
    Matcher m = AVAILABLE.matcher(gateway.metrics());
    return m.find() ? "{store=\"" + m.group(1) + "\"} " + (int) Double.parseDouble(m.group(2)) : "absent";
  }

  /** KEYS in a script, so that only the count comes back: once, after the runs, never under load. */
  private static long countKeys(RedisServer redis, String pattern) throws IOException {
    return Long.parseLong(redis.command("EVAL", "return #redis.call('KEYS', ARGV[1])", "0", pattern));
  }

  private void check(ScaleReport report, boolean passed, String line) {
    checksPassed &= passed;
    report.check((passed ? "OK: " : "CHECK FAILED: ") + line);
    Bench.say((passed ? "ok: " : "CHECK FAILED: ") + line);
  }

  private ScaleMeasurement measure(int run, Scenario scenario, Deployment deployment, List<Gateway> gateways,
      RedisServer redis, Fixtures fixtures) throws Exception {
    LoadGenerator.Target target = new LoadGenerator.Target("127.0.0.1", gateways.stream().map(Gateway::port).toList(),
        fixtures.identity(scenario.client()), scenario.keepAlive());
    int inFlight = scenario.keepAlive() ? concurrency : newConnectionConcurrency;
    List<ProcessHandle> servers = gateways.stream().map(Gateway::handle).toList();
    try (LoadGenerator.Session session = fixtures.generator().open(target, inFlight)) {
      // Warm-up on the same client: its keep-alive connections carry the measured window.
      learn(scenario, deployment, session.closedLoop(fresh(fixtures, scenario, deployment, warmupSeconds), inFlight,
          Duration.ofSeconds(warmupSeconds)));
      Workload workload = fresh(fixtures, scenario, deployment, seconds);
      Map<String, Long> calls = redis.commandCalls();
      List<Long> gatewayCpu = servers.stream().map(ProcessUsage::cpuNanos).toList();
      long compilerCpu = servers.stream().mapToLong(ProcessUsage::compilerCpuNanos).sum();
      long redisCpu = ProcessUsage.cpuNanos(redis.handle());
      long clientCpu = ProcessUsage.ownCpuNanos();
      LoadGenerator.Result result = session.closedLoop(workload, inFlight, Duration.ofSeconds(seconds));
      List<Long> gatewayCpuUsed = new ArrayList<>();
      for (int i = 0; i < servers.size(); i++) {
        gatewayCpuUsed.add(ProcessUsage.cpuNanos(servers.get(i)) - gatewayCpu.get(i));
      }
      long compilerCpuUsed = servers.stream().mapToLong(ProcessUsage::compilerCpuNanos).sum() - compilerCpu;
      long redisCpuUsed = ProcessUsage.cpuNanos(redis.handle()) - redisCpu;
      long clientCpuUsed = ProcessUsage.ownCpuNanos() - clientCpu;
      Map<String, Long> callsUsed = difference(redis.commandCalls(), calls);
      learn(scenario, deployment, result);
      ScaleMeasurement m = new ScaleMeasurement(scenario, deployment, run, result, gatewayCpuUsed, compilerCpuUsed,
          redisCpuUsed, clientCpuUsed, callsUsed);
      Bench.say(String.format(Locale.ROOT,
          "  %-24s %-24s %6.0f req/s  GW %5.0f + Redis %4.0f µs CPU/req (JIT %2.0f%%)  p50 %6.2f ms  p99 %7.2f ms"
              + "  Redis %.2f cmd/req  %s%s%s",
          scenario.title(), deployment.title(), result.perSecond(), m.gatewayMicrosPerRequest(),
          m.redisMicrosPerRequest(), 100 * m.compilerShare(), result.latency().p50(), result.latency().p99(),
          m.redisCallsPerRequest(), result.statuses(), gateways.size() < 2 ? "" : "  CPU per instance "
              + m.instanceShares().stream().map(f -> String.format(Locale.ROOT, "%.0f%%", 100 * f))
                  .collect(Collectors.joining(" / ")),
          result.failures() > 0 ? " " + result.failures() + " failed: " + result.firstFailure() : ""));
      return m;
    }
  }

  /** Calls per command over a window; the benchmark's own INFO is not the gateways' doing. */
  private static Map<String, Long> difference(Map<String, Long> after, Map<String, Long> before) {
    return after.entrySet().stream()
        .filter(e -> !e.getKey().equals("info"))
        .filter(e -> e.getValue() > before.getOrDefault(e.getKey(), 0L))
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)));
  }

  /**
   * 1.5x the last rate seen for this case (the warm-up window's rate is often below the measured
   * one): the window ends early rather than replaying a statement.
   */
  private Workload fresh(Fixtures fixtures, Scenario scenario, Deployment deployment, int windowSeconds) {
    double rate = rates.getOrDefault(scenario + "/" + deployment, FIRST_GUESS.get(scenario));
    int count = (int) (rate * windowSeconds * 1.5) + 16;
    long start = System.nanoTime();
    List<BenchRequest> requests = fixtures.registrations().valid(count);
    Bench.say(String.format(Locale.ROOT, "  (minted %d software statements in %.1f s)", count,
        (System.nanoTime() - start) / 1e9));
    return Workload.once(requests);
  }

  private void learn(Scenario scenario, Deployment deployment, LoadGenerator.Result result) {
    if (result.requests() > 0) {
      rates.put(scenario + "/" + deployment, result.perSecond());
    }
  }

  private String setup(String redisVersion) {
    return String.format(Locale.ROOT, "Machine: %d cores, %s; gateway JVMs: %s %s; redis-server %s (standalone,"
            + " no persistence, loopback); rate limit off (src/bench/conf/gateway.yaml); load generator: this JVM,"
            + " Vert.x HTTP/1.1, TLS client %s, %d keep-alive connections / %d concurrent new connections in all,"
            + " alternating over the instances of a case; %d s measured after %d s warm-up per scenario and case;"
            + " each instance JIT-warmed first.",
        Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
        gatewayJava == null ? "Java " + System.getProperty("java.version") : gatewayJava,
        gatewayJvmOptions.isEmpty() ? "(default options)" : String.join(" ", gatewayJvmOptions),
        redisVersion, LoadGenerator.openSslClient() ? "OpenSSL (BoringSSL)" : "JDK",
        concurrency, newConnectionConcurrency, seconds, warmupSeconds);
  }
}
