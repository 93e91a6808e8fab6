package io.dcrgateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.config.CryptoConfig;
import io.dcrgateway.config.GatewayConfig;
import io.dcrgateway.config.ListenerConfig;
import io.dcrgateway.config.ListenerConfig.ServerTlsConfig;
import io.dcrgateway.testkit.TestConfigs;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A reload applies what it can; the TLS engine's key exchange groups and the crypto library
 * belong to the bound listener.
 */
class RestartOnlySettingsTest {

  private final GatewayConfig running = TestConfigs.forUpstream("http://127.0.0.1:9");

  @Test
  void theSameConfigNeedsNoRestart() {
    assertThat(RestartOnlySettings.changed(running, TestConfigs.forUpstream("http://127.0.0.1:9"))).isEmpty();
  }

  @Test
  void changedKeyExchangeGroupsWaitForARestart() {
    ListenerConfig l = running.listener();
    ServerTlsConfig t = l.tls();
    GatewayConfig loaded = TestConfigs.withListener(running, new ListenerConfig(l.host(), l.port(),
        new ServerTlsConfig(t.certificate(), t.key(), t.protocols(), t.cipherSuites(), t.clientAuth(),
            t.handshakeTimeout(), t.engine(), List.of("secp256r1")),
        l.registrationPath(), l.maxBodyBytes(), l.idleTimeout()));

    assertThat(RestartOnlySettings.changed(running, loaded)).containsExactly("listener.tls.groups");
  }

  @Test
  void aChangedNumberOfServersWaitsForARestart() {
    ListenerConfig l = running.listener();
    GatewayConfig loaded = TestConfigs.withListener(running, new ListenerConfig(l.host(), l.port(), l.tls(),
        l.registrationPath(), l.maxBodyBytes(), l.idleTimeout(), l.limits(), l.transport(), 1));

    assertThat(RestartOnlySettings.changed(running, loaded)).containsExactly("listener.servers");
  }

  @Test
  void aChangedCryptoProviderWaitsForARestart() {
    GatewayConfig loaded = TestConfigs.withCrypto(running, new CryptoConfig(CryptoConfig.Provider.BUILT_IN));

    assertThat(RestartOnlySettings.changed(running, loaded)).containsExactly("crypto.provider");
  }
}
