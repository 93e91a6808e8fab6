package io.dcrgateway.config;

import static io.dcrgateway.config.ConfigFixture.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.config.ForwardingConfig.CertificateHeader;
import io.dcrgateway.config.ForwardingConfig.CertificateHeaderFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** forwarding: how the verified certificate reaches the identity server. */
class ForwardingConfigTest {

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "rfc9440, RFC9440, Client-Cert, true",
      "pem-urlencoded, PEM_URLENCODED, ssl-client-cert, false",
      "xfcc, XFCC, x-forwarded-client-cert, false"})
  void headerAndChainDefaultPerFormat(String format, CertificateHeaderFormat expected, String header, boolean chain) {
    GatewayConfig config = ConfigFixture.minimal(dir)
        .with("forwarding.certificate-headers", List.of(Map.of("format", format)))
        .load();

    assertThat(config.forwarding().certificateHeaders()).containsExactly(new CertificateHeader(expected, header, chain));
  }

  @Test
  void severalFormatsMayBeEmittedTogether() {
    GatewayConfig config = ConfigFixture.minimal(dir)
        .with("forwarding.certificate-headers", List.of(
            Map.of("format", "rfc9440"),
            Map.of("format", "xfcc", "include-chain", "true"),
            Map.of("format", "pem-urlencoded", "header", "X-SSL-Cert")))
        .load();

    assertThat(config.forwarding().certificateHeaders()).containsExactly(
        new CertificateHeader(CertificateHeaderFormat.RFC9440, "Client-Cert", true),
        new CertificateHeader(CertificateHeaderFormat.XFCC, "x-forwarded-client-cert", true),
        new CertificateHeader(CertificateHeaderFormat.PEM_URLENCODED, "X-SSL-Cert", false));
  }

  @Test
  void certificateHeadersMayNotShareANameInAnyCase() {
    assertThat(ConfigFixture.minimal(dir)
        .with("forwarding.certificate-headers", List.of(
            Map.of("format", "rfc9440", "include-chain", "false"),
            Map.of("format", "pem-urlencoded", "header", "client-cert")))
        .problems())
        .containsExactly(problem("forwarding.certificate-headers[1].header",
            "\"client-cert\" is already given at forwarding.certificate-headers[0].header"
                + " (header names are case-insensitive)"));
  }

  @Test
  void rfc9440ChainHeaderCountsAsAName() {
    assertThat(ConfigFixture.minimal(dir)
        .with("forwarding.certificate-headers", List.of(
            Map.of("format", "rfc9440"),
            Map.of("format", "xfcc", "header", "Client-Cert-Chain")))
        .problems())
        .containsExactly(problem("forwarding.certificate-headers[1].header",
            "\"Client-Cert-Chain\" is already given at forwarding.certificate-headers[0].header"
                + " (header names are case-insensitive)"));
  }

  @Test
  void formatIsRequiredAndFromTheList() {
    assertThat(ConfigFixture.minimal(dir)
        .with("forwarding.certificate-headers", List.of(Map.of("header", "X-Cert"), Map.of("format", "der")))
        .problems())
        .containsExactly(
            problem("forwarding.certificate-headers[0].format", "is required (rfc9440, pem-urlencoded or xfcc)"),
            problem("forwarding.certificate-headers[1].format", "must be rfc9440, pem-urlencoded or xfcc, got \"der\""));
  }

  @Test
  void certificateMustReachTheIdentityServer() {
    assertThat(ConfigFixture.minimal(dir).with("forwarding.certificate-headers", List.of()).problems())
        .containsExactly(problem("forwarding.certificate-headers", "must list at least one format:"
            + " the identity server needs the client certificate to bind the client to it (RFC 8705)"));
  }

  @Test
  void stripHeadersAreTokensListedOnceInAnyCase() {
    assertThat(ConfigFixture.minimal(dir)
        .with("forwarding.strip-headers", List.of("X-Edge-Auth", "x-edge-auth", "bad header", "content-length"))
        .problems())
        .containsExactly(
            problem("forwarding.strip-headers[1]", "\"x-edge-auth\" is already given at forwarding.strip-headers[0];"
                + " list each once (header names are case-insensitive)"),
            problem("forwarding.strip-headers[2]", "must be a header name (an RFC 9110 token:"
                + " letters, digits and !#$%&'*+-.^_`|~), got \"bad header\""),
            problem("forwarding.strip-headers[3]", "must be a header other than Host, Content-Length,"
                + " Content-Type, Transfer-Encoding, Connection or Authorization, which forwarding relies on,"
                + " got \"content-length\""));
  }

  @Test
  void requestIdHeaderMayNotBeACertificateHeader() {
    assertThat(ConfigFixture.minimal(dir).with("forwarding.request-id-header", "client-cert-chain").problems())
        .containsExactly(problem("forwarding.request-id-header",
            "\"client-cert-chain\" is already a certificate header (header names are case-insensitive)"));
  }

  @Test
  void certificateHeaderMayNotReplaceAuthorization() {
    assertThat(ConfigFixture.minimal(dir)
        .with("forwarding.certificate-headers", List.of(Map.of("format", "xfcc", "header", "Authorization")))
        .problems())
        .containsExactly(problem("forwarding.certificate-headers[0].header", "must be a header other than Host,"
            + " Content-Length, Content-Type, Transfer-Encoding, Connection or Authorization, which forwarding"
            + " relies on, got \"Authorization\""));
  }
}
