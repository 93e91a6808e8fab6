package io.dcrgateway.testkit;

import io.dcrgateway.config.AdminConfig;
import io.dcrgateway.config.AuditConfig;
import io.dcrgateway.config.CryptoConfig;
import io.dcrgateway.config.FetchConfig;
import io.dcrgateway.config.ForwardingConfig;
import io.dcrgateway.config.ForwardingConfig.CertificateHeader;
import io.dcrgateway.config.ForwardingConfig.CertificateHeaderFormat;
import io.dcrgateway.config.GatewayConfig;
import io.dcrgateway.config.ListenerConfig;
import io.dcrgateway.config.ListenerConfig.ClientAuthMode;
import io.dcrgateway.config.ListenerConfig.ServerTlsConfig;
import io.dcrgateway.config.ListenerConfig.TlsEngine;
import io.dcrgateway.config.ProfileConfig;
import io.dcrgateway.config.ReloadConfig;
import io.dcrgateway.config.RegistrationConfig;
import io.dcrgateway.config.StateConfig;
import io.dcrgateway.config.TrustConfig;
import io.dcrgateway.config.UpstreamConfig;
import io.dcrgateway.devpki.DevPkiLayout;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A gateway config on 127.0.0.1 free ports, trusting the shared dev PKI, for a given upstream. */
public final class TestConfigs {

  public static final String UPSTREAM_PATH = "/realms/dcr/clients-registrations/openid-connect";

  /** No rules and no statement required: for tests about transport and forwarding alone. */
  public static final ProfileConfig TRANSPORT_ONLY =
      new ProfileConfig("transport-only", "test", false, false, List.of());

  /**
   * Default limits without the per-certificate rate limit: most tests send many requests with one
   * certificate as fast as the machine allows, which must not decide their outcome. Tests about
   * the rate limit set one.
   */
  public static final ListenerConfig.Limits NO_RATE_LIMIT = new ListenerConfig.Limits(
      ListenerConfig.Limits.DEFAULT.maxHeaderBytes(), ListenerConfig.Limits.DEFAULT.maxInitialLineLength(),
      ListenerConfig.Limits.DEFAULT.maxConnections(), ListenerConfig.Limits.DEFAULT.requestTimeout(),
      ListenerConfig.RateLimit.OFF);

  /**
   * The engine every test gateway runs: the default unless the build asks for another, as the
   * surefire execution {@code jdk-tls-engine} does to run the TLS tests under both engines.
   */
  public static final TlsEngine TLS_ENGINE = TlsEngine.valueOf(
      System.getProperty("dcrgateway.test.tls-engine", ServerTlsConfig.DEFAULT_ENGINE.name()).toUpperCase(Locale.ROOT));

  private TestConfigs() {
  }

  public static GatewayConfig forUpstream(String upstreamBaseUrl) {
    DevPkiLayout pki = SharedDevPki.layout();
    return new GatewayConfig(
        new ListenerConfig("127.0.0.1", 0,
            new ServerTlsConfig(pki.server().chain(), pki.server().privateKey(),
                List.of("TLSv1.3", "TLSv1.2"),
                List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
                    "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"),
                ClientAuthMode.REQUEST, Duration.ofSeconds(10), TLS_ENGINE),
            "/register", 64 * 1024, Duration.ofSeconds(60), NO_RATE_LIMIT),
        new TrustConfig(List.of(new TrustConfig.TrustDomain("dev",
                List.of(pki.tppTrustBundle()), List.of(pki.tppIntermediates()))),
            new TrustConfig.KeyMinimums(2048, 256)),
        new UpstreamConfig(URI.create(upstreamBaseUrl), UPSTREAM_PATH,
            new UpstreamConfig.UpstreamTls(List.of(), Optional.empty(), true),
            Duration.ofSeconds(2), Duration.ofSeconds(5), 8, UpstreamConfig.IdentityServer.GENERIC, List.of()),
        new ForwardingConfig(
            List.of(new CertificateHeader(CertificateHeaderFormat.RFC9440, "Client-Cert", true)),
            List.of(), "X-Request-Id"),
        new AdminConfig(true, "127.0.0.1", 0),
        new RegistrationConfig(TRANSPORT_ONLY.name(), Optional.empty(),
            RegistrationConfig.SignedRequestForwarding.ORIGINAL, Optional.empty(), List.of(), List.of(TRANSPORT_ONLY)),
        AuditConfig.DEFAULT,
        ReloadConfig.DEFAULT,
        StateConfig.MEMORY,
        FetchConfig.DEFAULT,
        Optional.empty());
  }

  public static GatewayConfig withForwarding(GatewayConfig c, ForwardingConfig forwarding) {
    return new GatewayConfig(c.listener(), c.trust(), c.upstream(), forwarding, c.admin(), c.registration(), c.audit(), c.reload(),
        c.state(), c.fetch(), c.crypto(), c.dev());
  }

  public static GatewayConfig withUpstream(GatewayConfig c, UpstreamConfig upstream) {
    return new GatewayConfig(c.listener(), c.trust(), upstream, c.forwarding(), c.admin(), c.registration(), c.audit(), c.reload(),
        c.state(), c.fetch(), c.crypto(), c.dev());
  }

  public static GatewayConfig withRegistration(GatewayConfig c, RegistrationConfig registration) {
    return new GatewayConfig(c.listener(), c.trust(), c.upstream(), c.forwarding(), c.admin(), registration, c.audit(), c.reload(), c.state(), c.fetch(),
        c.crypto(), c.dev());
  }

  public static GatewayConfig withState(GatewayConfig c, StateConfig state) {
    return new GatewayConfig(c.listener(), c.trust(), c.upstream(), c.forwarding(), c.admin(), c.registration(), c.audit(),
        c.reload(), state, c.fetch(), c.crypto(), c.dev());
  }

  public static GatewayConfig withListener(GatewayConfig c, ListenerConfig listener) {
    return new GatewayConfig(listener, c.trust(), c.upstream(), c.forwarding(), c.admin(), c.registration(), c.audit(), c.reload(),
        c.state(), c.fetch(), c.crypto(), c.dev());
  }

  /** Request-named URLs (AIA, CDP, software_jwks_endpoint) may reach these private hosts and ranges. */
  public static GatewayConfig withFetch(GatewayConfig c, FetchConfig fetch) {
    return new GatewayConfig(c.listener(), c.trust(), c.upstream(), c.forwarding(), c.admin(), c.registration(),
        c.audit(), c.reload(), c.state(), fetch, c.crypto(), c.dev());
  }

  public static GatewayConfig withCrypto(GatewayConfig c, CryptoConfig crypto) {
    return new GatewayConfig(c.listener(), c.trust(), c.upstream(), c.forwarding(), c.admin(), c.registration(),
        c.audit(), c.reload(), c.state(), c.fetch(), crypto, c.dev());
  }

  /** Loopback allowed for request-named URLs: what tests serving keys or OCSP on 127.0.0.1 need. */
  public static final FetchConfig LOOPBACK_FETCH = new FetchConfig(List.of(
      new FetchConfig.AddressRange(new byte[] {127, 0, 0, 1}, 32, "127.0.0.1/32")));
}
