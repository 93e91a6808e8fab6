package io.dcrgateway.config;

import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * Which configured cipher suite names the listener may offer: AEAD suites with forward secrecy
 * that the running JVM implements. FAPI 1 Advanced 8.5 limits TLS 1.2 to (EC)DHE with AES-GCM;
 * other AEAD forward-secret suites (ChaCha20-Poly1305) are tolerated for non-FAPI profiles.
 */
final class CipherSuitePolicy {

  private final Set<String> supported;
  private final String jvm;

  CipherSuitePolicy(Set<String> supported, String jvm) {
    this.supported = Set.copyOf(supported);
    this.jvm = jvm;
  }

  static CipherSuitePolicy ofThisJvm() {
    String jvm = "Java " + Runtime.version().feature() + "." + Runtime.version().interim()
        + "." + Runtime.version().update();
    try {
      // Not SSLContext.getDefault(): that one also reads the JDK's cacerts and key store (about a
      // tenth of the start-up's main thread here); which suites the JVM supports does not depend
      // on key or trust material.
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(new KeyManager[0], new TrustManager[0], null);
      return new CipherSuitePolicy(Set.of(context.getSupportedSSLParameters().getCipherSuites()), jvm);
    } catch (KeyManagementException e) {
      return new CipherSuitePolicy(Set.of(), jvm + " (its TLS context does not start: " + e.getMessage() + ")");
    } catch (NoSuchAlgorithmException e) {
      // Without a default SSLContext nothing TLS can start; say so at each suite.
      return new CipherSuitePolicy(Set.of(), jvm + " (no default SSLContext: " + e.getMessage() + ")");
    }
  }

  /** TLS 1.3 suite names carry no key exchange ({@code TLS_AES_128_GCM_SHA256}). */
  static boolean isTls13(String suite) {
    return suite.startsWith("TLS_") && !suite.contains("_WITH_");
  }

  /** @return why {@code suite} may not be configured, phrased to follow "is not allowed: " */
  Optional<String> rejection(String suite) {
    // Weakness by name in any case, so "tls_rsa_with_rc4_128_sha" hears about RC4, not spelling.
    return weakness(suite.toUpperCase(Locale.ROOT)).or(() -> supported.contains(suite)
        ? Optional.empty()
        : Optional.of(jvm + " does not support it (JSSE names are case-sensitive,"
            + " e.g. TLS_AES_128_GCM_SHA256)"));
  }

  private static Optional<String> weakness(String suite) {
    if (suite.endsWith("_SCSV")) {
      return Optional.of("a signalling value, not a cipher suite");
    }
    if (suite.contains("_ANON_")) {
      return Optional.of("anonymous key exchange authenticates no server, so anyone can sit in the middle");
    }
    if (suite.contains("_NULL_") || suite.endsWith("_NULL")) {
      return Optional.of("a NULL cipher does not encrypt at all");
    }
    if (suite.contains("EXPORT")) {
      return Optional.of("export-grade suites are weak by design (FREAK, Logjam)");
    }
    if (suite.contains("_RC4_")) {
      return Optional.of("RC4 is broken and prohibited by RFC 7465");
    }
    if (suite.contains("3DES") || suite.contains("_DES_") || suite.contains("_DES40_")) {
      return Optional.of("DES and 3DES have 64-bit blocks (Sweet32) or 56-bit keys");
    }
    if (suite.contains("_CBC_")) {
      return Optional.of("CBC suites are not AEAD and invite padding-oracle attacks (Lucky 13);"
          + " FAPI 1 Advanced 8.5 permits only GCM suites for TLS 1.2");
    }
    if (!isTls13(suite) && !(suite.startsWith("TLS_ECDHE_") || suite.startsWith("TLS_DHE_"))) {
      return Optional.of("static RSA or (EC)DH key exchange has no forward secrecy;"
          + " FAPI 1 Advanced 8.5 requires ECDHE or DHE for TLS 1.2");
    }
    if (!isTls13(suite) && !(suite.contains("_GCM_") || suite.contains("_CHACHA20_POLY1305_"))) {
      return Optional.of("only AES-GCM and ChaCha20-Poly1305 TLS 1.2 suites are allowed;"
          + " FAPI 1 Advanced 8.5 permits only GCM suites for TLS 1.2");
    }
    return Optional.empty();
  }
}
