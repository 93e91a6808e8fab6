package io.dcrgateway.config;

import java.util.Optional;

/**
 * The whole configuration: one immutable tree, validated once by {@link ConfigLoader}.
 * Every later stage receives the record it needs, never the raw YAML.
 */
public record GatewayConfig(
    ListenerConfig listener,
    TrustConfig trust,
    UpstreamConfig upstream,
    ForwardingConfig forwarding,
    AdminConfig admin,
    RegistrationConfig registration,
    AuditConfig audit,
    ReloadConfig reload,
    StateConfig state,
    FetchConfig fetch,
    CryptoConfig crypto,
    Optional<DevConfig> dev) {

  /** With the default crypto provider ({@code auto}). */
  public GatewayConfig(ListenerConfig listener, TrustConfig trust, UpstreamConfig upstream, ForwardingConfig forwarding,
      AdminConfig admin, RegistrationConfig registration, AuditConfig audit, ReloadConfig reload, StateConfig state,
      FetchConfig fetch, Optional<DevConfig> dev) {
    this(listener, trust, upstream, forwarding, admin, registration, audit, reload, state, fetch, CryptoConfig.DEFAULT,
        dev);
  }

  /** With the default reload settings, state in memory and the default fetch policy. */
  public GatewayConfig(ListenerConfig listener, TrustConfig trust, UpstreamConfig upstream, ForwardingConfig forwarding,
      AdminConfig admin, RegistrationConfig registration, AuditConfig audit, Optional<DevConfig> dev) {
    this(listener, trust, upstream, forwarding, admin, registration, audit, ReloadConfig.DEFAULT, StateConfig.MEMORY,
        FetchConfig.DEFAULT, dev);
  }

  /** With the default fetch policy (no private destination allowed). */
  public GatewayConfig(ListenerConfig listener, TrustConfig trust, UpstreamConfig upstream, ForwardingConfig forwarding,
      AdminConfig admin, RegistrationConfig registration, AuditConfig audit, ReloadConfig reload, StateConfig state,
      Optional<DevConfig> dev) {
    this(listener, trust, upstream, forwarding, admin, registration, audit, reload, state, FetchConfig.DEFAULT, dev);
  }
}
