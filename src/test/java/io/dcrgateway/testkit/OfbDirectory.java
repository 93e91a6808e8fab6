package io.dcrgateway.testkit;

import io.dcrgateway.config.DirectoryConfig;
import io.dcrgateway.config.DirectoryConfig.ClaimNames;
import io.dcrgateway.config.DirectoryConfig.DirectoryKeys;
import io.dcrgateway.config.GatewayConfig;
import io.dcrgateway.config.RegistrationConfig;
import io.dcrgateway.devpki.SoftwareStatementMinter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The dev directory (its JWKS file from the shared dev PKI) and a built-in profile, on a test config. */
public final class OfbDirectory {

  private OfbDirectory() {
  }

  public static DirectoryConfig devDirectory() {
    return new DirectoryConfig("dev-directory", SoftwareStatementMinter.OFB_SANDBOX_ISSUER,
        new DirectoryKeys(Optional.empty(), Optional.of(SharedDevPki.layout().directoryJwks()),
            Duration.ofMinutes(10), Duration.ofHours(24), Duration.ofSeconds(30), Duration.ofSeconds(5)),
        List.of("PS256"), Duration.ofSeconds(300), Duration.ofSeconds(60), true,
        ClaimNames.OPEN_FINANCE_BRASIL);
  }

  /** @param profile a built-in profile name, e.g. {@code open-finance-brasil} */
  public static GatewayConfig withProfile(GatewayConfig config, String profile) {
    return TestConfigs.withRegistration(config, new RegistrationConfig(profile, Optional.empty(),
        RegistrationConfig.SignedRequestForwarding.ORIGINAL, Optional.empty(), List.of(devDirectory()),
        List.of()));
  }
}
