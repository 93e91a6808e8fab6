package io.dcrgateway.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.devpki.CertificateIssuer;
import io.dcrgateway.devpki.IssuedCertificate;
import io.dcrgateway.devpki.KeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The start-up check that the listener's key belongs to its certificate, for both key types. */
class ServerIdentityMatchTest {

  private static IssuedCertificate issue(KeySpec spec) {
    return CertificateIssuer.forSubject("CN=localhost").key(spec).selfSigned();
  }

  @ParameterizedTest
  @ValueSource(strings = {"RSA", "EC"})
  void aKeyBelongsToItsOwnCertificateOnly(String type) {
    KeySpec spec = type.equals("RSA") ? KeySpec.rsa2048() : KeySpec.ecP256();
    IssuedCertificate mine = issue(spec);
    IssuedCertificate other = issue(spec);

    assertThat(ServerIdentity.matches(mine.privateKey(), mine.certificate())).isTrue();
    assertThat(ServerIdentity.matches(mine.privateKey(), other.certificate())).isFalse();
  }

  @Test
  void aKeyOfOneTypeNeverBelongsToACertificateOfTheOther() {
    IssuedCertificate rsa = issue(KeySpec.rsa2048());
    IssuedCertificate ec = issue(KeySpec.ecP256());

    assertThat(ServerIdentity.matches(rsa.privateKey(), ec.certificate())).isFalse();
    assertThat(ServerIdentity.matches(ec.privateKey(), rsa.certificate())).isFalse();
  }
}
