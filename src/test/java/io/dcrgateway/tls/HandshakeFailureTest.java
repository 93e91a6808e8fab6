package io.dcrgateway.tls;

import static org.assertj.core.api.Assertions.assertThat;

import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/**
 * The JDK engine's handshake failures by their message: an alert the client sent is the client's
 * verdict on the gateway, not the gateway's on the client's certificate, whichever JDK worded it.
 */
class HandshakeFailureTest {

  @Test
  void anAlertReceivedFromTheClientIsAClientAlertInJdk17sWording() {
    assertThat(HandshakeFailure.of(new SSLHandshakeException("Received fatal alert: certificate_unknown")))
        .isEqualTo(HandshakeFailure.CLIENT_ALERT);
  }

  @Test
  void anAlertReceivedFromTheClientIsAClientAlertInLaterJdksWording() {
    assertThat(HandshakeFailure.of(new SSLHandshakeException(
        "(certificate_unknown) Received fatal alert: certificate_unknown"))).isEqualTo(HandshakeFailure.CLIENT_ALERT);
    assertThat(HandshakeFailure.of(new SSLHandshakeException("(bad_certificate) Received fatal alert: bad_certificate")))
        .isEqualTo(HandshakeFailure.CLIENT_ALERT);
  }

  @Test
  void theGatewaysOwnRefusalsKeepTheirReasons() {
    assertThat(HandshakeFailure.of(new SSLHandshakeException("Empty client certificate chain")))
        .isEqualTo(HandshakeFailure.CERTIFICATE_REQUIRED);
    assertThat(HandshakeFailure.of(new SSLHandshakeException(
        "(certificate_unknown) PKIX path validation failed: signature check failed on the certificate")))
        .isEqualTo(HandshakeFailure.BAD_CERTIFICATE);
  }
}
