package io.dcrgateway.hostile;

import io.dcrgateway.config.DirectoryConfig;
import io.dcrgateway.config.DirectoryConfig.ClaimNames;
import io.dcrgateway.config.GatewayConfig;
import io.dcrgateway.config.ListenerConfig;
import io.dcrgateway.config.RegistrationConfig;
import io.dcrgateway.devpki.RequestJwtMinter;
import io.dcrgateway.devpki.SoftwareStatementMinter;
import io.dcrgateway.testkit.OfbDirectory;
import io.dcrgateway.testkit.TestConfigs;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Gateway configs the attacks run against: the shipped ecosystem profiles on the test PKI. */
final class HostileConfigs {

  private HostileConfigs() {
  }

  /** The UK directory: the dev directory's keys under the OB Directory's issuer and claim names. */
  static DirectoryConfig ukDirectory() {
    DirectoryConfig dev = OfbDirectory.devDirectory();
    return new DirectoryConfig("uk-directory", SoftwareStatementMinter.UK_DIRECTORY_ISSUER,
        dev.keys(), List.of("PS256", "ES256"), dev.maxAge(), dev.clockSkew(), true, ClaimNames.UK_OPEN_BANKING);
  }

  /** Open Finance Brasil profile; the UK directory is trusted too, for signed-request attacks. */
  static GatewayConfig openFinance(GatewayConfig config) {
    return TestConfigs.withRegistration(config, new RegistrationConfig("open-finance-brasil", Optional.empty(),
        RegistrationConfig.SignedRequestForwarding.CLAIMS, Optional.of(RequestJwtMinter.DEFAULT_AUDIENCE),
        List.of(OfbDirectory.devDirectory(), ukDirectory()), List.of()));
  }

  /** The TPP's JWKS is served on loopback here, which the fetch policy must be told to allow. */
  static GatewayConfig ukOpenBanking(GatewayConfig config) {
    return TestConfigs.withFetch(TestConfigs.withRegistration(config, new RegistrationConfig("uk-open-banking",
        Optional.empty(), RegistrationConfig.SignedRequestForwarding.CLAIMS,
        Optional.of(RequestJwtMinter.DEFAULT_AUDIENCE), List.of(ukDirectory()), List.of())),
        TestConfigs.LOOPBACK_FETCH);
  }

  /** A short idle timeout, so a stalled client is seen being cut off within a test's patience. */
  static GatewayConfig idleTimeout(GatewayConfig config, Duration idle) {
    ListenerConfig l = config.listener();
    return TestConfigs.withListener(config,
        new ListenerConfig(l.host(), l.port(), l.tls(), l.registrationPath(), l.maxBodyBytes(), idle, l.limits()));
  }
}
