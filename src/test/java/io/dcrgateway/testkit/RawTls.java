package io.dcrgateway.testkit;

import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.devpki.DevPkiOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A TLS socket the test writes raw bytes to, as an attacker's hand-written client does: no HTTP
 * library to fix up framing, folding or line endings on the way out. Reads are bounded by a
 * timeout, so a gateway that hangs fails the test instead of stalling it.
 */
public final class RawTls implements AutoCloseable {

  /** One HTTP/1.1 answer as read off the wire. */
  public record Reply(int status, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final SSLSocket socket;
  private final InputStream in;

  private RawTls(SSLSocket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
  }

  /** As the TPP ofb-tpp1-a, whose certificate the gateway accepts. */
  public static RawTls open(int port) throws Exception {
    return open(port, List.of());
  }

  /** @param alpn protocols to offer in the handshake (empty: no ALPN extension) */
  public static RawTls open(int port, List<String> alpn) throws Exception {
    return open(port, Optional.of(DevPkiLayout.OFB_TPP1_A), alpn);
  }

  /** @param client a dev PKI client whose certificate is presented, or empty for none */
  public static RawTls open(int port, Optional<String> client) throws Exception {
    return open(port, client, List.of());
  }

  private static RawTls open(int port, Optional<String> client, List<String> alpn) throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(client.map(RawTls::keys).orElse(null), new TrustManager[] {new AnyServer()}, null);
    SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
    if (!alpn.isEmpty()) {
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setApplicationProtocols(alpn.toArray(String[]::new));
      socket.setSSLParameters(parameters);
    }
    socket.setSoTimeout(20_000);
    socket.startHandshake();
    return new RawTls(socket);
  }

  public String negotiatedProtocol() {
    return socket.getApplicationProtocol();
  }

  /** The server certificate of this connection's handshake. */
  public X509Certificate serverCertificate() throws IOException {
    return (X509Certificate) socket.getSession().getPeerCertificates()[0];
  }

  /** A keep-alive JSON POST on this connection, and its answer. */
  public Reply post(String path, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    send("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
        + body.length + "\r\n\r\n");
    send(body);
    return reply().orElseThrow(() -> new IOException("connection closed before an answer"));
  }

  public RawTls send(String ascii) throws IOException {
    return send(ascii.getBytes(StandardCharsets.ISO_8859_1));
  }

  public RawTls send(byte[] bytes) throws IOException {
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
    return this;
  }

  /** The next answer, or empty if the gateway closed the connection instead of answering. */
  public Optional<Reply> reply() throws IOException {
    String statusLine;
    try {
      statusLine = line();
    } catch (SocketException | SSLException closed) {
      return Optional.empty();
    }
    if (statusLine == null) {
      return Optional.empty();
    }
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String header = line(); header != null && !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    return Optional.of(new Reply(status, headers, new String(in.readNBytes(length), StandardCharsets.UTF_8)));
  }

  /**
   * Whether the gateway closes the connection within {@code limit}, reading (and discarding) any
   * answer it sends first. A {@link SocketTimeoutException} means it kept the connection open.
   */
  public boolean closesWithin(Duration limit) throws IOException {
    socket.setSoTimeout((int) limit.toMillis());
    try {
      while (in.read() != -1) {
        // an answer before the close is fine; the close is what is awaited
      }
      return true;
    } catch (SocketTimeoutException stillOpen) {
      return false;
    } catch (SocketException | SSLException reset) {
      return true;
    }
  }

  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b = in.read();
    if (b == -1) {
      return null;
    }
    for (; b != -1 && b != '\n'; b = in.read()) {
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }

  private static javax.net.ssl.KeyManager[] keys(String client) {
    return new javax.net.ssl.KeyManager[] {PresentedKeyManager.load(SharedDevPki.layout().client(client).pkcs12(),
        DevPkiOptions.DEFAULT_PKCS12_PASSWORD.toCharArray())};
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /** The gateway's server certificate is not what these tests look at. */
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
