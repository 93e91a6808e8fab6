package io.dcrgateway.tls;

import io.dcrgateway.config.ListenerConfig.ClientAuthMode;
import io.dcrgateway.config.ListenerConfig.ServerTlsConfig;
import io.dcrgateway.config.ListenerConfig.TlsEngine;
import io.dcrgateway.crypto.PublicKeyCrypto;
import io.netty.handler.ssl.OpenSsl;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.JdkSSLEngineOptions;
import io.vertx.core.net.OpenSSLEngineOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.SSLEngineOptions;
import io.vertx.core.net.ServerSSLOptions;
import io.vertx.core.net.TrustOptions;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The public listener's TLS settings, built from config and the current trust material. */
public final class ServerTls {

  static {
    // No client-initiated renegotiation on TLS 1.2 (a CPU DoS vector; FAPI forbids it). TLS 1.3
    // has none. JSSE reads this once, so it must be set before the first handshake.
    System.setProperty("jdk.tls.rejectClientInitiatedRenegotiation", "true");
  }

  private ServerTls() {
  }

  public static ServerSSLOptions options(ServerTlsConfig config, TrustMaterial trust) {
    PemKeyCertOptions keys = new ListenerKeyCertOptions(config.engine() == TlsEngine.OPENSSL);
    ServerSSLOptions options = new ServerSSLOptions()
        .setKeyCertOptions(keys
            .setCertPath(config.certificate().toString())
            .setKeyPath(config.key().toString()))
        .setTrustOptions(TrustOptions.wrap(new DeferredClientTrustManager(trust.acceptedIssuers())))
        .setClientAuth(config.clientAuth() == ClientAuthMode.REQUIRE ? ClientAuth.REQUIRED : ClientAuth.REQUEST)
        .setEnabledSecureTransportProtocols(new LinkedHashSet<>(config.protocols()))
        .setSslHandshakeTimeout(config.handshakeTimeout().toMillis())
        .setSslHandshakeTimeoutUnit(TimeUnit.MILLISECONDS)
        .setUseAlpn(false);
    config.cipherSuites().forEach(options::addEnabledCipherSuite);
    return options;
  }

  /**
   * Server options for a listener using {@link #options}: the one source of its TLS settings.
   * The engine, its key exchange groups and who signs for the server key are chosen once per
   * listener (a reload cannot change them).
   */
  public static HttpServerOptions apply(ServerSSLOptions ssl, ServerTlsConfig config, PublicKeyCrypto crypto,
      HttpServerOptions server) {
    server.setSsl(true)
        .setSslEngineOptions(engineOptions(config, crypto))
        .setKeyCertOptions(ssl.getKeyCertOptions())
        .setTrustOptions(ssl.getTrustOptions())
        .setClientAuth(ssl.getClientAuth())
        .setEnabledSecureTransportProtocols(ssl.getEnabledSecureTransportProtocols())
        .setSslHandshakeTimeout(ssl.getSslHandshakeTimeout())
        .setSslHandshakeTimeoutUnit(ssl.getSslHandshakeTimeoutUnit())
        .setUseAlpn(ssl.isUseAlpn());
    ssl.getEnabledCipherSuites().forEach(server::addEnabledCipherSuite);
    return server;
  }

  /**
   * BoringSSL keeps its session cache and issues session tickets, so a returning client resumes
   * without the signature work of a full handshake; the JDK engine keeps a session cache of its own.
   */
  static SSLEngineOptions engineOptions(ServerTlsConfig config, PublicKeyCrypto crypto) {
    return switch (config.engine()) {
      case OPENSSL -> new KeyExchangeGroups(config.groups(), crypto.awsLc());
      case JDK -> new JdkSSLEngineOptions();
    };
  }

  /** Why the configured engine cannot run on this machine, if it cannot. */
  public static Optional<String> unavailability(TlsEngine engine) {
    if (engine != TlsEngine.OPENSSL || OpenSSLEngineOptions.isAvailable()) {
      return Optional.empty();
    }
    Throwable cause = OpenSsl.unavailabilityCause();
    return Optional.of("BoringSSL (netty-tcnative) does not load on " + System.getProperty("os.name")
        + "/" + System.getProperty("os.arch") + (cause == null ? "" : " (" + cause.getMessage() + ")")
        + "; set listener.tls.engine: jdk");
  }
}
