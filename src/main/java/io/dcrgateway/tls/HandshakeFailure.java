package io.dcrgateway.tls;

import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Why a TLS handshake on the public listener failed, in a few stable words for metrics (the TLS
 * alert names where one fits). Neither engine says why other than in its exception message, so this
 * reads them: JSSE's sentences, BoringSSL's reason codes ({@code error:...:SSL routines:...:NO_SHARED_CIPHER}).
 * Each pattern is checked against a real client, under both engines, by {@code TlsHandshakeMetricsTest}.
 */
public enum HandshakeFailure {
  /** TLS 1.1 or older offered (RFC 8996; FAPI 1 Advanced 8.5 requires 1.2+). */
  PROTOCOL_VERSION("protocol_version"),
  /** No FAPI-approved suite offered (CBC, static RSA...). */
  NO_CIPHER_SUITE("no_cipher_suite"),
  /** {@code client-auth: require} and the client sent no certificate. */
  CERTIFICATE_REQUIRED("certificate_required"),
  /** A client certificate the handshake cannot accept, e.g. the client does not hold its key. */
  BAD_CERTIFICATE("bad_certificate"),
  /** The client ended the handshake with an alert, e.g. it does not trust the server certificate. */
  CLIENT_ALERT("client_alert"),
  /** Not finished within {@code listener.tls.handshake-timeout}: slow or idle clients holding sockets. */
  TIMEOUT("timeout"),
  /** Plain HTTP or other non-TLS bytes on the TLS port. */
  NOT_TLS("not_tls"),
  /** Closed or reset before the handshake finished, e.g. a load balancer's TCP health check. */
  CLOSED("closed"),
  OTHER("other");

  private final String label;

  HandshakeFailure(String label) {
    this.label = label;
  }

  /** Metric label. */
  public String label() {
    return label;
  }

  public static HandshakeFailure of(Throwable failure) {
    if (failure instanceof SslHandshakeTimeoutException) {
      return TIMEOUT;
    }
    if (failure instanceof NotSslRecordException) {
      return NOT_TLS;
    }
    if (failure instanceof ClosedChannelException) {
      return CLOSED;
    }
    String message = failure.getMessage() == null ? "" : failure.getMessage().toLowerCase(Locale.ROOT);
    if (!(failure instanceof SSLException)) {
      return failure instanceof IOException ? CLOSED : OTHER;
    }
    if (message.startsWith("error:")) {
      return ofBoringSslReason(message);
    }
    // JDK 17: "Received fatal alert: x"; later JDKs prefix the alert: "(x) Received fatal alert: x".
    if (message.contains("received fatal alert")) {
      return CLIENT_ALERT;
    }
    if (message.contains("protocol") && (message.contains("not enabled") || message.contains("not supported")
        || message.contains("not accepted"))) {
      return PROTOCOL_VERSION;
    }
    if (message.contains("no cipher suites in common")) {
      return NO_CIPHER_SUITE;
    }
    if (message.contains("empty client certificate")) {
      return CERTIFICATE_REQUIRED;
    }
    if (message.contains("certificate")) {
      return BAD_CERTIFICATE;
    }
    return OTHER;
  }

  /** The last field of BoringSSL's {@code error:code:library:function:REASON}, lower-cased. */
  private static HandshakeFailure ofBoringSslReason(String message) {
    String reason = message.substring(message.lastIndexOf(':') + 1);
    if (reason.startsWith("sslv3_alert_") || reason.startsWith("tlsv1_alert_")) {
      return CLIENT_ALERT;
    }
    return switch (reason) {
      case "unsupported_protocol", "wrong_version_number" -> PROTOCOL_VERSION;
      case "no_shared_cipher", "no_shared_group" -> NO_CIPHER_SUITE;
      case "peer_did_not_return_a_certificate" -> CERTIFICATE_REQUIRED;
      default -> message.contains("rsa routines") || message.contains("ecdsa routines")
          || reason.contains("signature") || reason.contains("certificate") || reason.contains("key_usage")
          ? BAD_CERTIFICATE : OTHER;
    };
  }
}
