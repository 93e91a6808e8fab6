package io.dcrgateway.config;

import static io.dcrgateway.config.ConfigFixture.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** listener.tls.protocols and cipher-suites: FAPI 1 Advanced 8.5 and what this JVM implements. */
class CipherSuitesTest {

  @TempDir
  Path dir;

  @Test
  void rejectsCbcCipherSuitesAsNotFapiApproved() {
    assertThat(suites("TLS_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256")).containsExactly(
        problem("listener.tls.cipher-suites[1]", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256 is not allowed:"
            + " CBC suites are not AEAD and invite padding-oracle attacks (Lucky 13);"
            + " FAPI 1 Advanced 8.5 permits only GCM suites for TLS 1.2"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      SSL_RSA_WITH_RC4_128_SHA                | RC4 is broken and prohibited by RFC 7465
      TLS_RSA_WITH_NULL_SHA256                | a NULL cipher does not encrypt at all
      TLS_DH_anon_WITH_AES_128_GCM_SHA256     | anonymous key exchange authenticates no server, so anyone can sit in the middle
      SSL_RSA_EXPORT_WITH_RC4_40_MD5          | export-grade suites are weak by design (FREAK, Logjam)
      TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA     | DES and 3DES have 64-bit blocks (Sweet32) or 56-bit keys
      TLS_RSA_WITH_AES_128_GCM_SHA256         | static RSA or (EC)DH key exchange has no forward secrecy; FAPI 1 Advanced 8.5 requires ECDHE or DHE for TLS 1.2
      TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256  | static RSA or (EC)DH key exchange has no forward secrecy; FAPI 1 Advanced 8.5 requires ECDHE or DHE for TLS 1.2
      TLS_EMPTY_RENEGOTIATION_INFO_SCSV       | a signalling value, not a cipher suite
      """)
  void rejectsWeakCipherSuitesSayingWhy(String suite, String why) {
    assertThat(suites("TLS_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", suite))
        .containsExactly(problem("listener.tls.cipher-suites[2]", suite + " is not allowed: " + why));
  }

  @Test
  void rejectsCipherSuitesThisJvmDoesNotSupport() {
    List<ConfigProblem> problems = suites("TLS_AES_128_GCM_SHA256", "tls_aes_256_gcm_sha384");

    assertThat(problems).singleElement().satisfies(problem -> {
      assertThat(problem.key()).isEqualTo("listener.tls.cipher-suites[1]");
      assertThat(problem.message()).startsWith("tls_aes_256_gcm_sha384 is not allowed: Java ")
          .endsWith(" does not support it (JSSE names are case-sensitive, e.g. TLS_AES_128_GCM_SHA256)");
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
      "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384"})
  void acceptsEachFapiTls12Suite(String suite) {
    GatewayConfig config = ConfigFixture.minimal(dir)
        .with("listener.tls.protocols", List.of("TLSv1.2"))
        .with("listener.tls.cipher-suites", List.of(suite))
        .load();

    assertThat(config.listener().tls().cipherSuites()).containsExactly(suite);
  }

  @Test
  void repeatedSuiteIsAProblem() {
    assertThat(suites("TLS_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_AES_128_GCM_SHA256"))
        .containsExactly(problem("listener.tls.cipher-suites[2]",
            "\"TLS_AES_128_GCM_SHA256\" is already given at listener.tls.cipher-suites[0]; list each once"));
  }

  @Test
  void emptySuiteListIsAProblem() {
    assertThat(suites()).containsExactly(problem("listener.tls.cipher-suites",
        "must list at least one value, or be left out for the default"));
  }

  @Test
  void protocolWithoutASuiteOfItsOwnIsAProblem() {
    assertThat(suites("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")).containsExactly(problem("listener.tls.cipher-suites",
        "lists no TLS 1.3 suite although protocols include TLSv1.3;"
            + " add one (e.g. TLS_AES_128_GCM_SHA256) or drop TLSv1.3"));
  }

  @Test
  void tls13OnlyNeedsNoTls12Suite() {
    GatewayConfig config = ConfigFixture.minimal(dir)
        .with("listener.tls.protocols", List.of("TLSv1.3"))
        .with("listener.tls.cipher-suites", List.of("TLS_AES_256_GCM_SHA384"))
        .load();

    assertThat(config.listener().tls().protocols()).containsExactly("TLSv1.3");
  }

  @ParameterizedTest
  @ValueSource(strings = {"TLSv1.1", "TLSv1", "SSLv3", "tlsv1.3"})
  void rejectsProtocolsOtherThanTls12And13(String protocol) {
    assertThat(ConfigFixture.minimal(dir).with("listener.tls.protocols", List.of("TLSv1.3", protocol)).problems())
        .containsExactly(problem("listener.tls.protocols[1]",
            "must be TLSv1.3 or TLSv1.2 (RFC 8996 retired TLS 1.0 and 1.1), got \"" + protocol + "\""));
  }

  @Test
  void theJvmSupportsExactlyTheSuitesOfItsDefaultTlsContext() throws Exception {
    // The policy reads the suites from a TLS context without key or trust material (the default
    // context's cacerts cost start-up time); the list must be the default context's.
    CipherSuitePolicy policy = CipherSuitePolicy.ofThisJvm();
    String[] supported = javax.net.ssl.SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites();
    assertThat(supported).isNotEmpty();
    for (String suite : supported) {
      assertThat(policy.rejection(suite).orElse("")).as(suite).doesNotContain("does not support");
    }
    assertThat(policy.rejection("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA257")).get().asString()
        .contains("does not support");
  }

  private List<ConfigProblem> suites(String... suites) {
    return ConfigFixture.minimal(dir).with("listener.tls.cipher-suites", List.of(suites)).problems();
  }
}
