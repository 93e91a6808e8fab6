package io.dcrgateway.bench;

import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.testkit.PresentedKeyManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * JIT warm-up of a gateway: registrations with statements minted for each round (accepted,
 * forwarded and recorded, as in the measured windows), the sample registrations (each accepted
 * once, then refused as a replay after every rule ran), reads (the forwarding path) and bad
 * signatures over keep-alive; the same on new connections; forged certificates. Without the fresh
 * ones, the accepted path was compiled during the first measured window (the JIT at 18 to 33 % of
 * the gateway's CPU there). A production gateway runs
 * compiled code, so this goes on, in rounds, until the JIT compiler threads take less than 5 % of
 * the gateway's CPU (at least {@code minSeconds}, at most {@code maxSeconds}: on a busy machine C2
 * itself gets little CPU).
 */
final class JitWarmUp {

  /** About two seconds of minting per round on two cores: enough calls for the JIT's thresholds. */
  private static final int FRESH_PER_ROUND = 3_000;
  private static final double PACED_WARM_UP_RATE = 2_000;
  private static final int PACED_WARM_UP_SECONDS = 15;

  private final Fixtures fixtures;
  private final int concurrency;
  private final int newConnectionConcurrency;
  private final int minSeconds;
  private final int maxSeconds;

  JitWarmUp(Fixtures fixtures, int concurrency, int newConnectionConcurrency, int minSeconds, int maxSeconds) {
    this.fixtures = fixtures;
    this.concurrency = concurrency;
    this.newConnectionConcurrency = newConnectionConcurrency;
    this.minSeconds = minSeconds;
    this.maxSeconds = maxSeconds;
  }

  /** @param clientId a client of ofb-tpp1-a's software, read by its other certificate */
  void run(Gateway gateway, String clientId) throws Exception {
    List<BenchRequest> mix = new ArrayList<>(fixtures.sampleRegistrations());
    mix.addAll(fixtures.badSignatures());
    for (int i = 0; i < fixtures.sampleRegistrations().size(); i++) {
      mix.add(BenchRequest.read(clientId, "bench-token"));
    }
    Random random = new Random(1);
    Collections.shuffle(mix, random);
    PresentedKeyManager tpp = fixtures.identity(DevPkiLayout.OFB_TPP1_A);
    PresentedKeyManager forged = fixtures.identity(DevPkiLayout.FORGED);
    LoadGenerator generator = fixtures.generator();
    long start = System.nanoTime();
    long requests = 0;
    double share;
    try (LoadGenerator.Session keepAlive = generator.open(new LoadGenerator.Target("127.0.0.1", gateway.port(), tpp, true),
        concurrency)) {
      do {
        List<BenchRequest> round = new ArrayList<>(mix);
        round.addAll(fixtures.registrations().valid(FRESH_PER_ROUND));
        Collections.shuffle(round, random);
        long cpu = ProcessUsage.cpuNanos(gateway.handle());
        long jit = ProcessUsage.compilerCpuNanos(gateway.handle());
        gateway.counters(); // the metrics scrape around every window: its code compiled here too
        requests += keepAlive.closedLoop(Workload.cycling(round), concurrency, Duration.ofSeconds(5)).requests();
        requests += newConnections(gateway.port(), tpp, Workload.cycling(mix), 2);
        requests += newConnections(gateway.port(), forged, Workload.cycling(fixtures.sampleRegistrations()), 1);
        share = (ProcessUsage.compilerCpuNanos(gateway.handle()) - jit)
            / (double) Math.max(1, ProcessUsage.cpuNanos(gateway.handle()) - cpu);
        Bench.say(String.format(Locale.ROOT, "  JIT warm-up: %d requests in %.0f s, JIT compilers %.0f %% of the gateway's CPU",
            requests, (System.nanoTime() - start) / 1e9, 100 * share));
      } while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(maxSeconds)
          && (share > 0.05 || System.nanoTime() - start < TimeUnit.SECONDS.toNanos(minSeconds)));
      // The load generator's own paced mode, compiled here rather than in the first paced window:
      // a profile of this JVM showed its JIT compilers taking 2.3 s of the shared cores during
      // the gateway's first half-load window (0.2 s in nginx's, which came after it).
      Bench.say(String.format(Locale.ROOT, "  load generator's paced mode warmed up: %s",
          keepAlive.paced(Workload.cycling(mix), PACED_WARM_UP_RATE, Duration.ofSeconds(PACED_WARM_UP_SECONDS))
              .statuses()));
    }
  }

  private long newConnections(int port, PresentedKeyManager identity, Workload workload, int seconds)
      throws InterruptedException {
    try (LoadGenerator.Session session = fixtures.generator().open(
        new LoadGenerator.Target("127.0.0.1", port, identity, false), newConnectionConcurrency)) {
      return session.closedLoop(workload, newConnectionConcurrency, Duration.ofSeconds(seconds)).requests();
    }
  }
}
