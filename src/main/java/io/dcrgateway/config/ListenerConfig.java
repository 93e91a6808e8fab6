package io.dcrgateway.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The public mTLS listener TPPs connect to.
 *
 * @param registrationPath the public registration endpoint (RFC 7591); client management
 *     (RFC 7592) is served at {@code <registrationPath>/{client_id}}. Starts with {@code /},
 *     never ends with one.
 * @param maxBodyBytes requests with a larger body are refused before they are buffered
 * @param limits what one connection, one request and one certificate may cost the gateway
 * @param transport how the gateway's event loops do socket I/O (every socket of the process)
 * @param servers how many servers share the port, or {@link #SERVERS_PER_PROCESSOR}
 */
public record ListenerConfig(
    String host,
    int port,
    ServerTlsConfig tls,
    String registrationPath,
    long maxBodyBytes,
    Duration idleTimeout,
    Limits limits,
    Transport transport,
    int servers) {

  /** {@code servers}: one per processor the JVM may use (the default, {@code auto}). */
  public static final int SERVERS_PER_PROCESSOR = 0;

  /** With one server per processor. */
  public ListenerConfig(String host, int port, ServerTlsConfig tls, String registrationPath, long maxBodyBytes,
      Duration idleTimeout, Limits limits, Transport transport) {
    this(host, port, tls, registrationPath, maxBodyBytes, idleTimeout, limits, transport, SERVERS_PER_PROCESSOR);
  }

  /** With the default transport. */
  public ListenerConfig(String host, int port, ServerTlsConfig tls, String registrationPath, long maxBodyBytes,
      Duration idleTimeout, Limits limits) {
    this(host, port, tls, registrationPath, maxBodyBytes, idleTimeout, limits, Transport.NATIVE);
  }

  /**
   * How many servers share the port, each on an event loop of its own (with its own pool to the
   * identity server): one per processor by default, so that every core serves handshakes at a
   * peak; fewer leaves cores to neighbours on a shared host.
   */
  public int serversFor(int processors) {
    return servers > 0 ? servers : Math.max(1, processors);
  }

  /** {@link #serversFor} the processors this JVM may use: what the listener starts and reports. */
  public int serversOnThisMachine() {
    return serversFor(Runtime.getRuntime().availableProcessors());
  }

  /**
   * NATIVE: Netty's epoll transport where its native library loads (Linux on x86_64 and aarch64,
   * shipped in the jar), Java NIO elsewhere. NIO: always Java NIO. IO_URING: Netty's io_uring
   * transport where the kernel lets the process use it (a recent Linux, and no seccomp
   * profile forbidding it, which Docker's default does), NATIVE elsewhere. Measured
   * (src/bench/HISTORY.md): epoll takes less CPU per request than NIO, io_uring less than epoll. epoll stays
   * the default: a decade older in Netty, and the one Docker's default profile allows anyway.
   */
  public enum Transport { NATIVE, NIO, IO_URING }

  /** With the default {@link Limits}. */
  public ListenerConfig(String host, int port, ServerTlsConfig tls, String registrationPath, long maxBodyBytes,
      Duration idleTimeout) {
    this(host, port, tls, registrationPath, maxBodyBytes, idleTimeout, Limits.DEFAULT);
  }

  /**
   * Bounds on what TPPs (and anyone who can open a socket) can make the gateway hold.
   *
   * @param maxHeaderBytes all request header lines together; beyond it the request is refused
   *     (431) before any stage runs
   * @param maxInitialLineLength the request line ({@code POST /register HTTP/1.1}); beyond it 414
   * @param maxConnections open connections on the public listener; a connection beyond it is
   *     closed as soon as it is accepted
   * @param requestTimeout the whole request, from its first byte to the last byte of the answer:
   *     a client trickling its body, or an identity server trickling its answer, cannot hold a
   *     request (and its connection to the identity server) longer than this
   * @param rateLimit per client certificate
   */
  public record Limits(int maxHeaderBytes, int maxInitialLineLength, int maxConnections, Duration requestTimeout,
      RateLimit rateLimit) {

    /** Netty's and Vert.x's own defaults: far above what a registration request needs. */
    public static final int DEFAULT_MAX_HEADER_BYTES = 8 * 1024;
    public static final int DEFAULT_MAX_INITIAL_LINE_LENGTH = 4 * 1024;
    public static final int DEFAULT_MAX_CONNECTIONS = 1024;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final Limits DEFAULT = new Limits(DEFAULT_MAX_HEADER_BYTES, DEFAULT_MAX_INITIAL_LINE_LENGTH,
        DEFAULT_MAX_CONNECTIONS, DEFAULT_REQUEST_TIMEOUT, RateLimit.DEFAULT);
  }

  /**
   * A token bucket per client certificate (keyed by its SHA-256): {@code burst} requests at once,
   * refilled at {@code requests} per {@code per}. Registration is a rare act; a certificate
   * sending more than this is broken or hostile, and must not crowd out other TPPs.
   */
  public record RateLimit(boolean enabled, int requests, Duration per, int burst, Bucket organisation) {

    /**
     * One bucket shared by every certificate of an organisation (the org id its certificates carry:
     * OFB {@code organizationIdentifier} OFBBR-id or {@code OU}; UK {@code OU}), so a TPP cannot
     * multiply its budget by presenting more certificates.
     */
    public record Bucket(int requests, Duration per, int burst) {
      public static final Bucket DEFAULT = new Bucket(50, Duration.ofSeconds(1), 100);
    }

    public static final RateLimit DEFAULT = new RateLimit(true, 10, Duration.ofSeconds(1), 20);
    public static final RateLimit OFF = new RateLimit(false, 10, Duration.ofSeconds(1), 20);

    /** With the default organisation bucket. */
    public RateLimit(boolean enabled, int requests, Duration per, int burst) {
      this(enabled, requests, per, burst, Bucket.DEFAULT);
    }

    /** The organisation's bucket in the shape the limiters take. */
    public RateLimit forOrganisation() {
      return new RateLimit(enabled, organisation.requests(), organisation.per(), organisation.burst(), organisation);
    }
  }

  /** All interfaces: the listener is the public face of the gateway. */
  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final int DEFAULT_PORT = 8443;
  public static final String DEFAULT_REGISTRATION_PATH = "/register";
  /** A registration request is a small JSON document plus one signed software statement. */
  public static final long DEFAULT_MAX_BODY_BYTES = 64 * 1024;
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

  /**
   * @param clientAuth REQUEST answers a missing certificate with a 401 JSON error (what TPPs can
   *     read); REQUIRE aborts the handshake instead (what some conformance setups prefer).
   * @param protocols JSSE protocol names, only {@code TLSv1.3} and {@code TLSv1.2}
   * @param cipherSuites JSSE cipher suite names, each supported by the running JVM and AEAD
   *     with forward secrecy (FAPI 1 Advanced 8.5)
   * @param engine who runs the handshakes: BoringSSL (netty-tcnative, shipped in the jar) or the JDK
   * @param groups key exchange groups a handshake may use (engine openssl; the JDK engine keeps
   *     the JVM's own list)
   */
  public record ServerTlsConfig(
      Path certificate,
      Path key,
      List<String> protocols,
      List<String> cipherSuites,
      ClientAuthMode clientAuth,
      Duration handshakeTimeout,
      TlsEngine engine,
      List<String> groups) {

    /** With the default key exchange groups. */
    public ServerTlsConfig(Path certificate, Path key, List<String> protocols, List<String> cipherSuites,
        ClientAuthMode clientAuth, Duration handshakeTimeout, TlsEngine engine) {
      this(certificate, key, protocols, cipherSuites, clientAuth, handshakeTimeout, engine, DEFAULT_GROUPS);
    }

    /** With the default engine. */
    public ServerTlsConfig(Path certificate, Path key, List<String> protocols, List<String> cipherSuites,
        ClientAuthMode clientAuth, Duration handshakeTimeout) {
      this(certificate, key, protocols, cipherSuites, clientAuth, handshakeTimeout, DEFAULT_ENGINE);
    }

    /** RFC 8996 deprecates TLS 1.0 and 1.1; FAPI 1 Advanced 8.5 requires 1.2 or later. */
    public static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /**
     * TLS 1.3 suites (all AEAD), then the FAPI 1 Advanced 8.5 TLS 1.2 ECDHE-RSA GCM suites,
     * then their ECDSA twins for deployments whose server key is EC.
     */
    public static final List<String> DEFAULT_CIPHER_SUITES = List.of(
        "TLS_AES_128_GCM_SHA256",
        "TLS_AES_256_GCM_SHA384",
        "TLS_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");

    /**
     * BoringSSL's own order: the post-quantum hybrid X25519MLKEM768 (draft-ietf-tls-ecdhe-mlkem)
     * for clients that offer it, so a recorded session cannot be decrypted later by a quantum
     * computer, then the classic curves every TLS client has.
     */
    public static final List<String> DEFAULT_GROUPS = List.of("X25519MLKEM768", "x25519", "secp256r1", "secp384r1",
        "secp521r1");

    public static final ClientAuthMode DEFAULT_CLIENT_AUTH = ClientAuthMode.REQUEST;
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    /** Measured (README, Performance): a fraction of the JDK engine's CPU per mTLS handshake. */
    public static final TlsEngine DEFAULT_ENGINE = TlsEngine.OPENSSL;

    public ServerTlsConfig {
      protocols = List.copyOf(protocols);
      cipherSuites = List.copyOf(cipherSuites);
      groups = List.copyOf(groups);
    }
  }

  public enum ClientAuthMode { REQUEST, REQUIRE }

  /**
   * OPENSSL: BoringSSL through netty-tcnative (native code for Linux, macOS and Windows on x86_64
   * and aarch64 ships in the jar). JDK: the JVM's own JSSE engine, slower per handshake, for
   * platforms without those native builds.
   */
  public enum TlsEngine { OPENSSL, JDK }
}
