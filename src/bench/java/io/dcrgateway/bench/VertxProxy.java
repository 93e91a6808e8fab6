package io.dcrgateway.bench;

import io.dcrgateway.config.ListenerConfig.Transport;
import io.dcrgateway.metrics.InstrumentedVertx;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.net.OpenSSLEngineOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * The Vert.x floor of the benchmark ({@code bench --vertx-floor}): the least a Vert.x 5 mTLS proxy
 * does, built the way the gateway builds its transport (BoringSSL, epoll, one server and one
 * upstream pool per core, TLS 1.3/1.2, the client certificate required and verified by the
 * engine) and nothing else: no statement, no rules, no audit, no metrics. It forwards what it
 * gets with the leaf certificate in an RFC 9440 header, as nginx forwards its escaped PEM, and
 * relays the answer. What the gateway spends above it is the gateway's own work; what it spends
 * above nginx is the framework's. Runs in a JVM of its own ({@link #main}), started and stopped
 * by the benchmark ({@link #start}).
 */
final class VertxProxy implements AutoCloseable {

  private static final String READY_LINE = "vertx floor listening on";
  private static final String REGISTRATION_PATH = "/register";
  private static final String UPSTREAM_REGISTRATION_PATH = "/realms/dcr/clients-registrations/openid-connect";

  private final Process process;
  private final int port;

  private VertxProxy(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** In a JVM of its own with the gateway's JVM options and this JVM's class path. */
  static VertxProxy start(Path java, List<String> jvmOptions, Path workDir, Path pki, int upstreamPort)
      throws IOException, InterruptedException {
    Files.createDirectories(workDir);
    int port = FreePort.next();
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), VertxProxy.class.getName(),
        Integer.toString(port), Integer.toString(upstreamPort), pki.toString()));
    Path log = workDir.resolve("vertx-floor.log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (Processes.awaitLine(process, log, READY_LINE, System.nanoTime() + TimeUnit.SECONDS.toNanos(60)) == 0) {
      Processes.stop(process, 5);
      throw new IOException("the Vert.x floor did not report ready within 60 s; see " + log);
    }
    return new VertxProxy(process, port);
  }

  int port() {
    return port;
  }

  ProcessHandle handle() {
    return process.toHandle();
  }

  @Override
  public void close() {
    Processes.stop(process, 10);
  }

  /** {@code VertxProxy PORT UPSTREAM_PORT PKI_DIR}: serves until killed. */
  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    int upstreamPort = Integer.parseInt(args[1]);
    Path pki = Path.of(args[2]);
    int cores = Runtime.getRuntime().availableProcessors();
    // Vert.x's default event loops (twice the cores), as the gateway has them. Each deployment
    // takes the next loop; an HTTP client created inside one took a loop too, so that both
    // servers once shared one loop. The clients are made per loop on first use, as the gateway's.
    // The gateway's transport: the bench template's listener.transport, from the same variable.
    Transport transport = Transport.valueOf(
        System.getenv().getOrDefault("DCR_BENCH_TRANSPORT", "native").toUpperCase(Locale.ROOT));
    Vertx vertx = InstrumentedVertx.on(transport, new VertxOptions()).build();
    System.out.println("vertx floor transport: " + InstrumentedVertx.transportOf(vertx, transport));
    HttpServerOptions options = new HttpServerOptions()
        .setHost("127.0.0.1").setPort(port)
        .setSsl(true).setSslEngineOptions(new OpenSSLEngineOptions()).setUseAlpn(false)
        .setEnabledSecureTransportProtocols(Set.of("TLSv1.3", "TLSv1.2"))
        .setKeyCertOptions(new PemKeyCertOptions()
            .setCertPath(pki.resolve("server/server-chain.pem").toString())
            .setKeyPath(pki.resolve("server/server.key").toString()))
        .setTrustOptions(new PemTrustOptions().addCertPath(pki.resolve("ca/tpp-trust-bundle.pem").toString()))
        .setClientAuth(ClientAuth.REQUIRED);
    Map<Thread, HttpClient> upstreams = new ConcurrentHashMap<>();
    Set<String> loops = ConcurrentHashMap.newKeySet();
    Future<Void> all = Future.succeededFuture();
    for (int i = 0; i < cores; i++) {
      all = all.compose(v -> vertx.deployVerticle(context -> {
        loops.add(Thread.currentThread().getName());
        return vertx.createHttpServer(options)
            .requestHandler(request -> forward(request, upstreams.computeIfAbsent(Thread.currentThread(),
                loop -> vertx.createHttpClient(
                    new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(upstreamPort).setKeepAlive(true),
                    new PoolOptions().setHttp1MaxSize(32)))))
            .listen();
      }).mapEmpty());
    }
    all.onSuccess(v -> System.out.println(READY_LINE + " 127.0.0.1:" + port + " (" + cores + " servers on "
            + new TreeSet<>(loops) + ", native transport " + vertx.isNativeTransportEnabled() + ")"))
        .onFailure(e -> {
          e.printStackTrace();
          System.exit(1);
        });
  }

  private static void forward(HttpServerRequest request, HttpClient upstream) {
    String path = request.path();
    if (!path.startsWith(REGISTRATION_PATH)) {
      request.response().setStatusCode(404).end();
      return;
    }
    String clientCert;
    try {
      clientCert = rfc9440(request.connection().peerCertificates());
    } catch (SSLPeerUnverifiedException | CertificateEncodingException e) {
      request.response().setStatusCode(401).end();
      return;
    }
    String target = UPSTREAM_REGISTRATION_PATH + path.substring(REGISTRATION_PATH.length());
    request.body()
        .compose(body -> upstream.request(request.method(), target).compose(out -> {
          copy(request, out.headers(), HttpHeaders.CONTENT_TYPE);
          copy(request, out.headers(), HttpHeaders.AUTHORIZATION);
          out.putHeader("Client-Cert", clientCert);
          return out.send(body);
        }))
        .compose(answer -> answer.body().map(body -> relay(request, answer, body)))
        .onFailure(e -> request.response().setStatusCode(502).end());
  }

  private static Void relay(HttpServerRequest request, HttpClientResponse answer, Buffer body) {
    String type = answer.getHeader(HttpHeaders.CONTENT_TYPE);
    if (type != null) {
      request.response().putHeader(HttpHeaders.CONTENT_TYPE, type);
    }
    request.response().setStatusCode(answer.statusCode()).end(body);
    return null;
  }

  private static void copy(HttpServerRequest request, io.vertx.core.MultiMap to, CharSequence name) {
    String value = request.getHeader(name);
    if (value != null) {
      to.set(name, value);
    }
  }

  private static String rfc9440(List<Certificate> chain) throws CertificateEncodingException {
    return ":" + Base64.getEncoder().encodeToString(chain.get(0).getEncoded()) + ":";
  }
}
