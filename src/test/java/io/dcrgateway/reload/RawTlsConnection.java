package io.dcrgateway.reload;

import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.devpki.DevPkiOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * One TLS connection held open by the test: HTTP/1.1 keep-alive requests written on it one after
 * another, so the test knows they share the socket, and the server certificate of the handshake.
 * Trusts any server certificate: what it serves is what the tests look at.
 */
final class RawTlsConnection implements AutoCloseable {

  record Answer(int status, String body) {
  }

  private final SSLSocket socket;

  private RawTlsConnection(SSLSocket socket) {
    this.socket = socket;
  }

  /** @param client a dev PKI client name whose certificate is presented, or empty for none */
  static RawTlsConnection open(int port, DevPkiLayout pki, Optional<String> client) throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(client.isPresent() ? keys(pki, client.get()) : null, new TrustManager[] {new AnyServer()}, null);
    SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
    socket.setSoTimeout(30_000);
    socket.startHandshake();
    return new RawTlsConnection(socket);
  }

  X509Certificate serverCertificate() throws Exception {
    return (X509Certificate) socket.getSession().getPeerCertificates()[0];
  }

  Answer post(String path, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    OutputStream out = socket.getOutputStream();
    out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
    return read(socket.getInputStream());
  }

  boolean isOpen() {
    return !socket.isClosed();
  }

  /** A response with Content-Length (what the gateway sends); enough for these tests. */
  private static Answer read(InputStream in) throws IOException {
    String statusLine = line(in);
    if (statusLine.isEmpty()) {
      throw new IOException("connection closed before a response");
    }
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    int length = 0;
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(header.substring("content-length:".length()).trim());
      }
    }
    return new Answer(status, new String(in.readNBytes(length), StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  private static KeyManager[] keys(DevPkiLayout pki, String client) throws Exception {
    char[] password = DevPkiOptions.DEFAULT_PKCS12_PASSWORD.toCharArray();
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(pki.client(client).pkcs12())) {
      store.load(in, password);
    }
    KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, password);
    return factory.getKeyManagers();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private static final class AnyServer implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
