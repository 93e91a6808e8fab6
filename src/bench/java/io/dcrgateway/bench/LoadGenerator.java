package io.dcrgateway.bench;

import io.dcrgateway.testkit.PresentedKeyManager;
import io.netty.handler.ssl.OpenSslCachingX509KeyManagerFactory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.OpenSSLEngineOptions;
import io.vertx.core.net.PemTrustOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The load generator: HTTP/1.1 over mutual TLS with a dev PKI client certificate, either reusing
 * its connections (keep-alive) or opening a new one, with a full handshake, for every request.
 * TCP_NODELAY is set (without it a new connection's request waits for a delayed ACK, about
 * 40 ms against Netty). The TLS client is OpenSSL (BoringSSL, netty-tcnative) when available, so
 * that its half of each handshake costs the shared cores as little as it can, and it keeps no
 * sessions: a new connection never resumes one.
 *
 * <p>It runs in the benchmark's JVM, never the gateway's, and records per-request latency from
 * the moment a request was due (a paced window would otherwise hide queueing, "coordinated
 * omission") to the end of its response body.
 */
final class LoadGenerator {

  private static final int LATENCY_CAPACITY = 4_000_000;

  private final Vertx vertx;
  private final Path serverCa;

  LoadGenerator(Vertx vertx, Path serverCa) {
    this.vertx = vertx;
    this.serverCa = serverCa;
  }

  /** The same client set-up on another Vert.x: a load of its own, on event loops of its own. */
  LoadGenerator on(Vertx other) {
    return new LoadGenerator(other, serverCa);
  }

  static boolean openSslClient() {
    return OpenSSLEngineOptions.isAvailable();
  }

  /**
   * Where to connect, as whom, and whether connections are reused. With several ports (instances
   * of one deployment, no balancer in front), each request loop of a closed loop keeps to one
   * port, alternating over them, so the connections are spread evenly; a paced window alternates
   * per request.
   */
  record Target(String host, List<Integer> ports, PresentedKeyManager identity, boolean keepAlive, boolean tls) {

    Target {
      ports = List.copyOf(ports);
      if (ports.isEmpty()) {
        throw new IllegalArgumentException("a target needs at least one port");
      }
    }

    Target(String host, List<Integer> ports, PresentedKeyManager identity, boolean keepAlive) {
      this(host, ports, identity, keepAlive, true);
    }

    Target(String host, int port, PresentedKeyManager identity, boolean keepAlive) {
      this(host, List.of(port), identity, keepAlive, true);
    }

    /** Plain HTTP over keep-alive connections: the upstream itself, with nothing in front. */
    static Target plain(String host, int port) {
      return new Target(host, List.of(port), null, true, false);
    }

    /** The first port: the only one of a single server. */
    int port() {
      return ports.get(0);
    }

    private int port(long index) {
      return ports.get((int) (index % ports.size()));
    }
  }

  /** What a window did: completions by status, failures, elapsed time, latency distribution. */
  record Result(long requests, Map<Integer, Long> statuses, long failures, String firstFailure, long elapsedNanos,
      Latencies.Distribution latency) {

    double perSecond() {
      return requests * 1e9 / elapsedNanos;
    }

    long count(int status) {
      return statuses.getOrDefault(status, 0L);
    }
  }

  /** A status and a body. */
  record Exchange(int status, String body) {
  }

  /**
   * A client with up to {@code connections} connections to each of the target's ports. Keep-alive connections
   * opened by a warm-up window stay open for the measured window after it, so that the measured
   * window has no handshakes in it.
   */
  Session open(Target target, int connections) {
    return new Session(target, client(target, connections));
  }

  private HttpClientAgent client(Target target, int connections) {
    HttpClientOptions options = new HttpClientOptions()
        .setKeepAlive(target.keepAlive())
        .setTcpNoDelay(true)
        .setProtocolVersion(HttpVersion.HTTP_1_1)
        .setDefaultHost(target.host())
        .setDefaultPort(target.port())
        .setConnectTimeout(10_000);
    if (target.tls()) {
      options.setSsl(true)
          .setTrustOptions(new PemTrustOptions().addCertPath(serverCa.toString()))
          .setKeyCertOptions(keyCert(target.identity()))
          .setVerifyHost(true);
      if (openSslClient()) {
        options.setSslEngineOptions(new OpenSSLEngineOptions().setSessionCacheEnabled(false));
      }
    }
    return vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
  }

  /**
   * With OpenSSL, Netty converts a plain key manager's private key to native form on every
   * handshake; its caching factory does that once, so that a new connection costs the client
   * only its share of the TLS crypto.
   */
  private KeyCertOptions keyCert(PresentedKeyManager identity) {
    KeyCertOptions plain = KeyCertOptions.wrap(identity);
    if (!openSslClient()) {
      return plain;
    }
    try {
      return KeyCertOptions.wrap(new OpenSslCachingX509KeyManagerFactory(plain.getKeyManagerFactory(vertx)));
    } catch (Exception e) {
      throw new IllegalStateException("cannot wrap the client identity for OpenSSL", e);
    }
  }

  /** One client: windows run on it one after the other. */
  final class Session implements AutoCloseable {
    private final Target target;
    private final HttpClientAgent client;

    private Session(Target target, HttpClientAgent client) {
      this.target = target;
      this.client = client;
    }

    /**
     * Closed loop: {@code concurrency} requests in flight until the workload is used up or the
     * time is over; as fast as the server answers.
     */
    Result closedLoop(Workload workload, int concurrency, Duration duration) throws InterruptedException {
      Window window = new Window(workload.capacity(LATENCY_CAPACITY));
      long deadline = System.nanoTime() + duration.toNanos();
      CountDownLatch done = new CountDownLatch(concurrency);
      window.start();
      for (int i = 0; i < concurrency; i++) {
        int port = target.port(i);
        vertx.runOnContext(v -> loop(window, workload, deadline, done, port));
      }
      await(done, duration);
      return window.result();
    }

    /**
     * Open loop: requests due at a fixed rate whatever the server does, for latency at a given
     * load (the "at half that load").
     */
    Result paced(Workload workload, double perSecond, Duration duration) throws InterruptedException {
      long total = (long) (perSecond * duration.toNanos() / 1e9);
      Window window = new Window((int) Math.min(total, LATENCY_CAPACITY));
      CountDownLatch done = new CountDownLatch(1);
      AtomicLong sent = new AtomicLong();
      AtomicLong answered = new AtomicLong();
      AtomicBoolean allSent = new AtomicBoolean();
      Runnable finish = () -> {
        if (allSent.get() && answered.get() == sent.get()) {
          done.countDown();
        }
      };
      long start = System.nanoTime();
      window.start();
      vertx.setPeriodic(1, id -> {
        long due = Math.min(total, (long) ((System.nanoTime() - start) * perSecond / 1e9));
        BenchRequest request = null;
        while (sent.get() < due && (request = workload.next()) != null) {
          long index = sent.getAndIncrement();
          long intended = start + (long) (index * 1e9 / perSecond);
          window.send(request, intended, target.port(index)).onComplete(r -> {
            answered.incrementAndGet();
            finish.run();
          });
        }
        if (sent.get() >= total || (sent.get() < due && request == null)) {
          vertx.cancelTimer(id);
          allSent.set(true);
          finish.run();
        }
      });
      await(done, duration);
      return window.result();
    }

    /** One request: the status and the body, e.g. to register a client to read later. */
    Exchange exchange(BenchRequest request) throws InterruptedException, TimeoutException {
      return client.request(options(request, target.port()))
          .compose(r -> r.send(request.body()))
          .compose(response -> response.body().map(body -> new Exchange(response.statusCode(), body.toString())))
          .await(30, TimeUnit.SECONDS);
    }

    private void loop(Window window, Workload workload, long deadline, CountDownLatch done, int port) {
      BenchRequest request = System.nanoTime() < deadline ? workload.next() : null;
      if (request == null) {
        done.countDown();
        return;
      }
      window.send(request, System.nanoTime(), port).onComplete(r -> loop(window, workload, deadline, done, port));
    }

    private static void await(CountDownLatch done, Duration duration) throws InterruptedException {
      if (!done.await(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("requests still unanswered 60 s after the window ended");
      }
    }

    private RequestOptions options(BenchRequest request, int port) {
      RequestOptions options = new RequestOptions().setMethod(request.method()).setURI(request.uri())
          .setHost(target.host()).setPort(port);
      if (request.contentType() != null) {
        options.putHeader("Content-Type", request.contentType());
      }
      if (request.authorization() != null) {
        options.putHeader("Authorization", request.authorization());
      }
      return options;
    }

    @Override
    public void close() {
      try {
        client.close().await(30, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        throw new IllegalStateException("the load generator's client did not close within 30 s", e);
      }
    }

    /** One measured window: sends, counts and times. */
    private final class Window {
      private final Latencies latencies;
      private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
      private final LongAdder failures = new LongAdder();
      private final AtomicReference<String> firstFailure = new AtomicReference<>();
      private final AtomicLong lastCompletion = new AtomicLong();
      private final AtomicInteger completed = new AtomicInteger();
      private long startNanos;

      Window(int capacity) {
        this.latencies = new Latencies(Math.max(1, capacity));
      }

      void start() {
        startNanos = System.nanoTime();
        lastCompletion.set(startNanos);
      }

      Future<Integer> send(BenchRequest request, long intendedNanos, int port) {
        return client.request(options(request, port))
            .compose(r -> r.send(request.body()))
            .compose(response -> response.body().map(body -> response.statusCode()))
            .andThen(done -> {
              long now = System.nanoTime();
              lastCompletion.accumulateAndGet(now, Math::max);
              if (done.succeeded()) {
                completed.incrementAndGet();
                latencies.record(now - intendedNanos);
                statuses.computeIfAbsent(done.result(), s -> new LongAdder()).increment();
              } else {
                failures.increment();
                firstFailure.compareAndSet(null, String.valueOf(done.cause()));
              }
            });
      }

      Result result() {
        Map<Integer, Long> counts = new TreeMap<>();
        statuses.forEach((status, n) -> counts.put(status, n.sum()));
        return new Result(completed.get(), counts, failures.sum(), firstFailure.get(),
            Math.max(1, lastCompletion.get() - startNanos), latencies.distribution());
      }
    }
  }
}
