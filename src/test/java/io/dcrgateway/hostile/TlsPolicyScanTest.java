package io.dcrgateway.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.config.GatewayConfig;
import io.dcrgateway.config.ListenerConfig;
import io.dcrgateway.config.ListenerConfig.ServerTlsConfig;
import io.dcrgateway.testkit.GatewayFixture;
import io.dcrgateway.testkit.TestConfigs;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The shipped TLS policy as an independent scanner sees it: {@code sslscan} (Debian package,
 * installed by .ci/run) against a gateway on loopback with the default protocols and suites
 * (FAPI 1 Advanced §8.5, RFC 8996): TLS 1.2 with the ECDHE GCM suites only, TLS 1.3; no SSL, no
 * TLS 1.0/1.1, no insecure renegotiation, no compression, no Heartbleed, only groups of at least
 * 112-bit security. One scan (about 15 s) for all assertions.
 */
class TlsPolicyScanTest {

  /** What sslscan (OpenSSL names) may find enabled. */
  private static final Set<String> ALLOWED_SUITES = Set.of(
      "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
      "ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-RSA-AES256-GCM-SHA384");
  private static final Set<String> ALLOWED_GROUPS = Set.of(
      "x25519", "x448", "secp256r1", "prime256v1", "secp384r1", "secp521r1",
      "ffdhe2048", "ffdhe3072", "ffdhe4096", "ffdhe6144", "ffdhe8192");

  private static GatewayFixture fixture;
  private static Document scan;

  @BeforeAll
  static void scanTheRunningGateway() throws Exception {
    fixture = GatewayFixture.start(TlsPolicyScanTest::shippedTlsPolicy);
    scan = sslscan("127.0.0.1:" + fixture.gateway().port());
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  @Test
  void onlyTls12AndTls13AreEnabled() {
    List<String> enabled = elements("protocol").stream().filter(p -> "1".equals(p.getAttribute("enabled")))
        .map(p -> p.getAttribute("type") + p.getAttribute("version")).toList();

    assertThat(enabled).containsExactlyInAnyOrder("tls1.2", "tls1.3");
  }

  @Test
  void everyAcceptedSuiteIsAFapiSuite() {
    List<String> suites = elements("cipher").stream().map(c -> c.getAttribute("cipher")).toList();

    assertThat(suites).isNotEmpty().allSatisfy(suite -> assertThat(ALLOWED_SUITES).contains(suite));
    assertThat(elements("cipher")).allSatisfy(c -> assertThat(c.getAttribute("sslversion")).isIn("TLSv1.2", "TLSv1.3"));
  }

  @Test
  void noRenegotiationNoCompressionNoHeartbleed() {
    assertThat(elements("renegotiation")).singleElement()
        .satisfies(r -> assertThat(r.getAttribute("supported")).as("renegotiation supported").isEqualTo("0"));
    // sslscan's OpenSSL 3 has no compression to offer and then omits the element; JSSE (the
    // gateway's TLS) implements only the null compression method, and TLS 1.3 has none at all.
    assertThat(elements("compression")).allSatisfy(c -> assertThat(c.getAttribute("supported")).isEqualTo("0"));
    assertThat(elements("heartbleed")).allSatisfy(h -> assertThat(h.getAttribute("vulnerable")).isEqualTo("0"));
  }

  @Test
  void onlySecureKeyExchangeGroups() {
    List<Element> groups = elements("group");

    assertThat(groups).isNotEmpty().allSatisfy(g -> {
      // "secp256r1 (NIST P-256)": the name before the alias
      assertThat(ALLOWED_GROUPS).contains(g.getAttribute("name").split(" ")[0]);
      assertThat(Integer.parseInt(g.getAttribute("bits"))).isGreaterThanOrEqualTo(112);
    });
  }

  /** The shipped defaults, not the narrower list the other tests use. */
  private static GatewayConfig shippedTlsPolicy(GatewayConfig config) {
    ListenerConfig l = config.listener();
    ServerTlsConfig tls = l.tls();
    return TestConfigs.withListener(config, new ListenerConfig(l.host(), l.port(),
        new ServerTlsConfig(tls.certificate(), tls.key(), ServerTlsConfig.DEFAULT_PROTOCOLS,
            ServerTlsConfig.DEFAULT_CIPHER_SUITES, ServerTlsConfig.DEFAULT_CLIENT_AUTH, tls.handshakeTimeout(), tls.engine()),
        l.registrationPath(), l.maxBodyBytes(), l.idleTimeout(), l.limits()));
  }

  private static List<Element> elements(String name) {
    var nodes = scan.getElementsByTagName(name);
    return IntStream.range(0, nodes.getLength()).mapToObj(i -> (Element) nodes.item(i)).collect(Collectors.toList());
  }

  private static Document sslscan(String target) throws Exception {
    List<String> command = new ArrayList<>(List.of("sslscan", "--no-colour", "--xml=-", target));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (java.io.IOException notInstalled) {
      throw new AssertionError("sslscan is not on the PATH: install the Debian package sslscan"
          + " (apt-get install -y sslscan; .ci/run does this)", notInstalled);
    }
    try {
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("sslscan finished").isTrue();
      String xml = new String(output, StandardCharsets.UTF_8);
      // --xml=- mixes the XML into the text report on stdout: keep the document only.
      String document = xml.substring(xml.indexOf("<?xml"), xml.lastIndexOf("</document>") + "</document>".length());
      // Kept as the record of the scan (README "Reliability and security").
      java.nio.file.Files.writeString(java.nio.file.Path.of("target",
          "sslscan-gateway-" + TestConfigs.TLS_ENGINE.name().toLowerCase(java.util.Locale.ROOT) + ".xml"), document);
      return DocumentBuilderFactory.newInstance().newDocumentBuilder()
          .parse(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)));
    } finally {
      process.destroyForcibly();
    }
  }
}
