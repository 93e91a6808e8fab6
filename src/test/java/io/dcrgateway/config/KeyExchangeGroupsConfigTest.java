package io.dcrgateway.config;

import static io.dcrgateway.config.ConfigFixture.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.config.ListenerConfig.ServerTlsConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** listener.tls.groups: the key exchange groups BoringSSL may use (RFC 8446 §4.2.7). */
class KeyExchangeGroupsConfigTest {

  @TempDir
  Path dir;

  @Test
  void byDefaultThePostQuantumHybridComesFirstThenTheClassicCurves() {
    assertThat(ConfigFixture.minimal(dir).load().listener().tls().groups())
        .containsExactly("X25519MLKEM768", "x25519", "secp256r1", "secp384r1", "secp521r1")
        .isEqualTo(ServerTlsConfig.DEFAULT_GROUPS);
  }

  @Test
  void anOperatorMayNarrowThem() {
    GatewayConfig config = ConfigFixture.minimal(dir).with("listener.tls.groups", List.of("secp256r1", "secp384r1"))
        .load();

    assertThat(config.listener().tls().groups()).containsExactly("secp256r1", "secp384r1");
  }

  @Test
  void anUnknownOrWeakGroupIsAProblemNamingTheAllowedOnes() {
    assertThat(ConfigFixture.minimal(dir).with("listener.tls.groups", List.of("x25519", "ffdhe2048")).problems())
        .containsExactly(problem("listener.tls.groups[1]", "must be one of X25519MLKEM768, x25519, secp256r1,"
            + " secp384r1, secp521r1, got \"ffdhe2048\""));
  }

  @Test
  void anEmptyListOrARepeatIsAProblem() {
    assertThat(ConfigFixture.minimal(dir).with("listener.tls.groups", List.of()).problems())
        .containsExactly(problem("listener.tls.groups", "must list at least one value, or be left out for the default"));
    assertThat(ConfigFixture.minimal(dir).with("listener.tls.groups", List.of("x25519", "x25519")).problems())
        .containsExactly(problem("listener.tls.groups[1]",
            "\"x25519\" is already given at listener.tls.groups[0]; list each once"));
  }

  @Test
  void theJdkEngineTakesItsGroupsFromTheJvmSoSettingThemIsAProblem() {
    assertThat(ConfigFixture.minimal(dir).with("listener.tls.engine", "jdk")
        .with("listener.tls.groups", List.of("x25519")).problems())
        .containsExactly(problem("listener.tls.groups", "is set by BoringSSL (engine: openssl); the JDK engine takes"
            + " its groups from the JVM (system property jdk.tls.namedGroups): remove groups or use engine openssl"));
  }
}
