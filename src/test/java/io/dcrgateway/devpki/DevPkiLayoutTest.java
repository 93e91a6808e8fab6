package io.dcrgateway.devpki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The paths other components read (dev configs, integration tests); renaming one breaks them. */
class DevPkiLayoutTest {

  private final DevPkiLayout layout = new DevPkiLayout(Path.of("certs"));

  @Test
  void caTrustAndServerFilesSitWhereTheGatewayConfigExpectsThem() {
    assertThat(layout.tppRootCa().certificate()).isEqualTo(Path.of("certs/ca/tpp-root-ca.pem"));
    assertThat(layout.tppRootCa().privateKey()).isEqualTo(Path.of("certs/ca/tpp-root-ca.key"));
    assertThat(layout.tppIssuingCa().certificate()).isEqualTo(Path.of("certs/ca/tpp-issuing-ca.pem"));
    assertThat(layout.serverCa().certificate()).isEqualTo(Path.of("certs/ca/server-ca.pem"));
    assertThat(layout.rogueCa().privateKey()).isEqualTo(Path.of("certs/ca/rogue-ca.key"));
    assertThat(layout.untrustedCa().certificate()).isEqualTo(Path.of("certs/ca/untrusted-ca.pem"));
    assertThat(layout.tppTrustBundle()).isEqualTo(Path.of("certs/ca/tpp-trust-bundle.pem"));
    assertThat(layout.tppIntermediates()).isEqualTo(Path.of("certs/ca/tpp-intermediates.pem"));
    assertThat(layout.server()).isEqualTo(new DevPkiLayout.LeafFiles(Path.of("certs/server/server.pem"),
        Path.of("certs/server/server.key"), Path.of("certs/server/server-chain.pem"), Path.of("certs/server/server.p12")));
    assertThat(layout.directorySigningKey()).isEqualTo(Path.of("certs/directory/signing-key.jwk"));
    assertThat(layout.directoryJwks()).isEqualTo(Path.of("certs/directory/jwks.json"));
    assertThat(layout.manifest()).isEqualTo(Path.of("certs/dev-pki.json"));
  }

  @Test
  void clientFilesAreNamedAfterTheClient() {
    assertThat(layout.client("ofb-tpp1-a")).isEqualTo(new DevPkiLayout.LeafFiles(Path.of("certs/clients/ofb-tpp1-a.pem"),
        Path.of("certs/clients/ofb-tpp1-a.key"), Path.of("certs/clients/ofb-tpp1-a-chain.pem"),
        Path.of("certs/clients/ofb-tpp1-a.p12")));
    assertThat(layout.clientSigningKey("uk-tpp")).isEqualTo(Path.of("certs/clients/uk-tpp-signing.jwk"));
    assertThat(layout.clientJwks("uk-tpp")).isEqualTo(Path.of("certs/clients/uk-tpp-jwks.json"));
    assertThat(DevPkiLayout.CLIENT_NAMES).containsExactly("ofb-tpp1-a", "ofb-tpp1-b", "ofb-tpp2", "ofb-legacy", "uk-tpp",
        "expired", "untrusted", "forged", "weak-key", "wrong-eku", "revoked");
  }

  @Test
  void everyFileIsListedOnceWithTheRootCaFirst() {
    assertThat(layout.allFiles()).doesNotHaveDuplicates()
        .hasSize(5 * 2 + 2 + 4 + DevPkiLayout.CLIENT_NAMES.size() * (4 + 2) + 2 + 4 + 1)
        .first().isEqualTo(Path.of("certs/ca/tpp-root-ca.pem"));
  }
}
