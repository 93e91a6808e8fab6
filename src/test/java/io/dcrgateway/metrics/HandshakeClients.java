package io.dcrgateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.devpki.DevPkiOptions;
import io.dcrgateway.testkit.OpenSslClient;
import io.dcrgateway.testkit.SharedDevPki;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/** Real TLS clients that end a handshake with the gateway in each way an operator should tell apart. */
final class HandshakeClients {

  private static final char[] PASSWORD = DevPkiOptions.DEFAULT_PKCS12_PASSWORD.toCharArray();

  private HandshakeClients() {
  }

  /** {@code openssl s_client -brief} with the given options; returns what it printed. */
  static String openssl(int port, String... options) throws Exception {
    List<String> brief = new ArrayList<>(List.of("-brief"));
    brief.addAll(List.of(options));
    return OpenSslClient.sClient(port, brief.toArray(String[]::new));
  }

  /**
   * Presents ofb-tpp1-a's certificate but signs the handshake (CertificateVerify) with ofb-tpp1-b's
   * key: what someone holding a copy of a certificate, not its key, can do.
   */
  static void certificateWithoutItsKey(int port) throws Exception {
    KeyStore genuine = pkcs12(DevPkiLayout.OFB_TPP1_A);
    KeyStore other = pkcs12(DevPkiLayout.OFB_TPP1_B);
    KeyStore mixed = KeyStore.getInstance("PKCS12");
    mixed.load(null, null);
    mixed.setKeyEntry("client", other.getKey(other.aliases().nextElement(), PASSWORD), PASSWORD,
        genuine.getCertificateChain(genuine.aliases().nextElement()));
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(mixed, PASSWORD);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), trustingTheServerCa().getTrustManagers(), null);
    handshakeFails(context, port);
  }

  /** A client with the JDK's default trust store: it does not know the dev server CA. */
  static void notTrustingTheServer(int port) throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, null, null);
    handshakeFails(context, port);
  }

  /** Plain HTTP sent to the TLS port; the gateway closes the connection. */
  static void plainHttp(int port) throws Exception {
    try (Socket socket = socket(port)) {
      socket.getOutputStream().write("GET /register HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      readUntilClosed(socket);
    }
  }

  /** Connects and closes at once, as a load balancer's TCP health check does. */
  static void connectAndClose(int port) throws Exception {
    socket(port).close();
  }

  /** Connects and says nothing: returns once the gateway gave up and closed the connection. */
  static void silent(int port) throws Exception {
    try (Socket socket = socket(port)) {
      readUntilClosed(socket);
    }
  }

  private static void handshakeFails(SSLContext context, int port) throws Exception {
    try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(30_000);
      socket.startHandshake();
      // TLS 1.3: the client finishes first; the server's verdict on its certificate arrives next.
      socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      readUntilClosed(socket);
    } catch (SSLException expected) {
      // The handshake failed: what the caller asked for.
    } catch (SocketException closedFirst) {
      // The gateway refused and closed before the request was written (BoringSSL is quick to);
      // a read timeout is not one of these and still fails the test.
    }
  }

  private static void readUntilClosed(Socket socket) throws Exception {
    InputStream in = socket.getInputStream();
    while (in.read() != -1) {
      // drain until the gateway closes
    }
  }

  private static Socket socket(int port) throws Exception {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout(30_000);
    return socket;
  }

  private static KeyStore pkcs12(String client) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(SharedDevPki.layout().client(client).pkcs12())) {
      store.load(in, PASSWORD);
    }
    return store;
  }

  private static TrustManagerFactory trustingTheServerCa() throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    Path serverCa = SharedDevPki.layout().serverCa().certificate();
    try (InputStream in = Files.newInputStream(serverCa)) {
      trust.setCertificateEntry("server-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    return factory;
  }
}
