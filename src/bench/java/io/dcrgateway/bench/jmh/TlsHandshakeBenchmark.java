package io.dcrgateway.bench.jmh;

import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.testkit.SharedDevPki;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSslServerSessionContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.ReferenceCountUtil;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A new connection's TLS 1.3 mutual handshake, both sides BoringSSL in memory (no sockets), the
 * dev server and TPP certificates: what the gateway and a TPP spend on every full handshake, and
 * what the session tickets the server issues after it add (BoringSSL sends two; the gateway keeps
 * that, so that a TPP can resume). Both sides' CPU is in the time: a TPP reads the tickets too.
 * nginx with Debian's OpenSSL 3.0 spends far more per ticket, which is why the benchmark's peer
 * can be run without them ({@code --nginx-session-tickets off}).
 */
@State(Scope.Benchmark)
public class TlsHandshakeBenchmark {

  /** true: as the gateway (BoringSSL's two tickets); false: none, and so no resumption. */
  @Param({"true", "false"})
  public boolean sessionTickets;

  private SslContext server;
  private SslContext client;
  private final ByteBuffer toServer = ByteBuffer.allocateDirect(64 * 1024);
  private final ByteBuffer toClient = ByteBuffer.allocateDirect(64 * 1024);
  private final ByteBuffer plain = ByteBuffer.allocateDirect(64 * 1024);
  private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
  private static final ByteBuffer ANSWER = ByteBuffer.allocate(200);

  @Setup
  public void setUp() throws Exception {
    // Read once, when Netty's first OpenSSL context is made: JMH runs each value in a JVM of its own.
    System.setProperty("jdk.tls.server.enableSessionTicketExtension", Boolean.toString(sessionTickets));
    DevPkiLayout layout = SharedDevPki.layout();
    DevPkiLayout.LeafFiles serverFiles = layout.server();
    DevPkiLayout.LeafFiles tpp = layout.client(HotPath.CLIENT);
    server = SslContextBuilder.forServer(serverFiles.chain().toFile(), serverFiles.privateKey().toFile())
        .sslProvider(SslProvider.OPENSSL).protocols("TLSv1.3").clientAuth(ClientAuth.REQUIRE)
        .trustManager(InsecureTrustManagerFactory.INSTANCE).build();
    // As the gateway's listener (tls/KeyExchangeGroups): with the cache, BoringSSL issues tickets.
    ((OpenSslServerSessionContext) server.sessionContext()).setSessionCacheEnabled(true);
    client = SslContextBuilder.forClient().keyManager(tpp.chain().toFile(), tpp.privateKey().toFile())
        .sslProvider(SslProvider.OPENSSL).protocols("TLSv1.3")
        .trustManager(InsecureTrustManagerFactory.INSTANCE).build();
  }

  @TearDown
  public void tearDown() {
    ReferenceCountUtil.release(server);
    ReferenceCountUtil.release(client);
  }

  /**
   * ClientHello to the client's reading of a 200-byte answer, as on a new connection of the
   * benchmark: BoringSSL sends a server's tickets with its first application data.
   */
  @Benchmark
  public int fullHandshakeAndAnswer() throws SSLException {
    SSLEngine serverEngine = server.newEngine(ByteBufAllocator.DEFAULT);
    SSLEngine clientEngine = client.newEngine(ByteBufAllocator.DEFAULT);
    try {
      clientEngine.beginHandshake();
      serverEngine.beginHandshake();
      int flights = 0;
      while (!isFinished(clientEngine) || !isFinished(serverEngine)) {
        toServer.clear();
        clientEngine.wrap(EMPTY, toServer);
        runTasks(clientEngine);
        toServer.flip();
        while (toServer.hasRemaining()) {
          plain.clear();
          serverEngine.unwrap(toServer, plain);
          runTasks(serverEngine);
        }
        toClient.clear();
        serverEngine.wrap(EMPTY, toClient);
        runTasks(serverEngine);
        toClient.flip();
        readAll(clientEngine);
        if (++flights > 20) {
          throw new IllegalStateException("handshake did not finish: " + clientEngine.getHandshakeStatus() + " / "
              + serverEngine.getHandshakeStatus());
        }
      }
      toClient.clear();
      serverEngine.wrap(ANSWER.duplicate(), toClient);
      toClient.flip();
      int sent = toClient.remaining();
      readAll(clientEngine);
      return sent;
    } finally {
      ReferenceCountUtil.release(serverEngine);
      ReferenceCountUtil.release(clientEngine);
    }
  }

  private void readAll(SSLEngine clientEngine) throws SSLException {
    while (toClient.hasRemaining()) {
      plain.clear();
      clientEngine.unwrap(toClient, plain);
      runTasks(clientEngine);
    }
  }

  private static boolean isFinished(SSLEngine engine) {
    HandshakeStatus status = engine.getHandshakeStatus();
    return status == HandshakeStatus.NOT_HANDSHAKING || status == HandshakeStatus.FINISHED;
  }

  private static void runTasks(SSLEngine engine) {
    Runnable task;
    while ((task = engine.getDelegatedTask()) != null) {
      task.run();
    }
  }
}
