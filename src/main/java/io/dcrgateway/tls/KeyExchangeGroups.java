package io.dcrgateway.tls;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.OpenSslCachingX509KeyManagerFactory;
import io.netty.handler.ssl.OpenSslContextOption;
import io.netty.handler.ssl.OpenSslServerSessionContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.vertx.core.net.OpenSSLEngineOptions;
import io.vertx.core.spi.tls.SslContextFactory;
import java.util.List;
import java.security.Provider;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * BoringSSL engine options whose TLS contexts accept only {@code listener.tls.groups} for the
 * key exchange, and whose RSA handshake signatures may be made by AWS-LC ({@code crypto.provider}).
 * Vert.x has no setting for either; its engine options name the factory that builds every
 * context of the listener, including those a certificate reload makes, so both are given to
 * Netty there.
 */
final class KeyExchangeGroups extends OpenSSLEngineOptions {

  /** Config names (as the JDK and IANA spell them) to BoringSSL's. */
  static final Map<String, String> BORINGSSL_NAMES = Map.of(
      "X25519MLKEM768", "X25519MLKEM768",
      "x25519", "X25519",
      "secp256r1", "P-256",
      "secp384r1", "P-384",
      "secp521r1", "P-521");

  private final List<String> groups;
  private final Optional<Provider> signer;

  /**
   * @param groups config names (config validation names the allowed ones to the operator)
   * @param signer the provider that makes the server's RSA handshake signatures, if not BoringSSL
   *     ({@link ServerKeySigner})
   */
  KeyExchangeGroups(List<String> groups, Optional<Provider> signer) {
    groups.stream().filter(group -> !BORINGSSL_NAMES.containsKey(group)).findFirst().ifPresent(unknown -> {
      throw new IllegalArgumentException("no BoringSSL key exchange group " + unknown);
    });
    this.groups = List.copyOf(groups);
    this.signer = signer;
    setSessionCacheEnabled(true);
  }

  private KeyExchangeGroups(KeyExchangeGroups other) {
    super(other);
    this.groups = other.groups;
    this.signer = other.signer;
  }

  @Override
  public KeyExchangeGroups copy() {
    return new KeyExchangeGroups(this);
  }

  @Override
  public SslContextFactory sslContextFactory() {
    return new Factory(isSessionCacheEnabled(), groups.stream().map(BORINGSSL_NAMES::get).toArray(String[]::new),
        signer);
  }

  /**
   * Vert.x's own OpenSSL context factory (DefaultSslContextFactory) step by step, plus the
   * groups: Netty takes them as a builder option, which Vert.x's factory does not pass on.
   */
  private static final class Factory implements SslContextFactory {
    private final boolean sessionCacheEnabled;
    private final String[] groups;
    private final Optional<Provider> signer;
    private boolean useAlpn;
    private ClientAuth clientAuth;
    private boolean forClient;
    private KeyManagerFactory keyManagers;
    private TrustManagerFactory trustManagers;
    private Set<String> cipherSuites;
    private List<String> applicationProtocols;

    Factory(boolean sessionCacheEnabled, String[] groups, Optional<Provider> signer) {
      this.sessionCacheEnabled = sessionCacheEnabled;
      this.groups = groups;
      this.signer = signer;
    }

    @Override
    public SslContext create() throws SSLException {
      Optional<ServerKeySigner> serverSigner = forClient ? Optional.empty() : serverSigner();
      SslContextBuilder builder = forClient ? SslContextBuilder.forClient().keyManager(keyManagers)
          : SslContextBuilder.forServer(serverSigner.isEmpty() ? keyManagers
              : new OpenSslCachingX509KeyManagerFactory(new KeyManagersWithoutKey(keyManagers)));
      serverSigner.ifPresent(method -> builder.option(OpenSslContextOption.PRIVATE_KEY_METHOD, method));
      builder.sslProvider(SslProvider.OPENSSL).option(OpenSslContextOption.GROUPS, groups);
      if (trustManagers != null) {
        builder.trustManager(trustManagers);
      }
      builder.ciphers(cipherSuites == null || cipherSuites.isEmpty() ? OpenSsl.availableOpenSslCipherSuites()
          : cipherSuites);
      if (useAlpn && applicationProtocols != null && !applicationProtocols.isEmpty()) {
        builder.applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, applicationProtocols));
      }
      if (clientAuth != null) {
        builder.clientAuth(clientAuth);
      }
      SslContext context = builder.build();
      if (!forClient && context.sessionContext() instanceof OpenSslServerSessionContext sessions) {
        sessions.setSessionCacheEnabled(sessionCacheEnabled);
      }
      return context;
    }

    /** Each context (a reload builds new ones) signs with its own key material's key. */
    private Optional<ServerKeySigner> serverSigner() throws SSLException {
      if (signer.isEmpty()) {
        return Optional.empty();
      }
      try {
        return ServerKeySigner.of(signer.get(), keyManagers);
      } catch (Exception e) {
        throw new SSLException("the server key cannot be used by " + signer.get().getName() + ": " + e.getMessage(), e);
      }
    }

    @Override
    public SslContextFactory useAlpn(boolean useAlpn) {
      this.useAlpn = useAlpn;
      return this;
    }

    @Override
    public SslContextFactory clientAuth(ClientAuth clientAuth) {
      this.clientAuth = clientAuth;
      return this;
    }

    @Override
    public SslContextFactory forClient(boolean forClient) {
      this.forClient = forClient;
      return this;
    }

    @Override
    public SslContextFactory keyMananagerFactory(KeyManagerFactory factory) {
      this.keyManagers = factory;
      return this;
    }

    @Override
    public SslContextFactory trustManagerFactory(TrustManagerFactory factory) {
      this.trustManagers = factory;
      return this;
    }

    @Override
    public SslContextFactory enabledCipherSuites(Set<String> suites) {
      this.cipherSuites = suites;
      return this;
    }

    @Override
    public SslContextFactory applicationProtocols(List<String> protocols) {
      this.applicationProtocols = protocols;
      return this;
    }
  }
}
