package io.dcrgateway.config;

import static io.dcrgateway.config.ListenerConfig.ServerTlsConfig.DEFAULT_CIPHER_SUITES;
import static io.dcrgateway.config.ListenerConfig.ServerTlsConfig.DEFAULT_CLIENT_AUTH;
import static io.dcrgateway.config.ListenerConfig.ServerTlsConfig.DEFAULT_ENGINE;
import static io.dcrgateway.config.ListenerConfig.ServerTlsConfig.DEFAULT_GROUPS;
import static io.dcrgateway.config.ListenerConfig.ServerTlsConfig.DEFAULT_HANDSHAKE_TIMEOUT;
import static io.dcrgateway.config.ListenerConfig.ServerTlsConfig.DEFAULT_PROTOCOLS;

import io.dcrgateway.config.ListenerConfig.ClientAuthMode;
import io.dcrgateway.config.ListenerConfig.ServerTlsConfig;
import io.dcrgateway.config.ListenerConfig.TlsEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** {@code listener.tls:}, what the public handshake offers and demands. */
final class ServerTlsReader {

  static final Duration MIN_HANDSHAKE_TIMEOUT = Duration.ofSeconds(1);
  static final Duration MAX_HANDSHAKE_TIMEOUT = Duration.ofMinutes(5);

  /** RFC 8996 retired TLS 1.0 and 1.1; FAPI 1 Advanced 8.5 asks for 1.2 or later. */
  private static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

  /** Key exchange groups BoringSSL offers, as the JDK and IANA name them. */
  static final List<String> GROUPS = List.of("X25519MLKEM768", "x25519", "secp256r1", "secp384r1", "secp521r1");

  private ServerTlsReader() {
  }

  static ServerTlsConfig read(Section tls) {
    tls.keys("certificate", "key", "protocols", "cipher-suites", "client-auth", "handshake-timeout", "engine",
        "groups");
    Path certificate = tls.requiredFile("certificate", "PEM file with the server certificate and its chain");
    Path key = tls.requiredFile("key", "PEM file with the server's PKCS#8 private key");
    List<String> protocols = tls.scalars("protocols")
        .map(values -> distinct(tls, "protocols", values, value -> value.matching(PROTOCOLS::contains,
            "TLSv1.3 or TLSv1.2 (RFC 8996 retired TLS 1.0 and 1.1)")))
        .orElse(DEFAULT_PROTOCOLS);
    CipherSuitePolicy policy = CipherSuitePolicy.ofThisJvm();
    List<String> cipherSuites = tls.scalars("cipher-suites")
        .map(values -> distinct(tls, "cipher-suites", values, value -> allowedSuite(value, policy)))
        .orElse(DEFAULT_CIPHER_SUITES);
    checkEveryProtocolHasASuite(tls, protocols, cipherSuites);
    TlsEngine engine = tls.scalar("engine")
        .flatMap(value -> value.asOneOf(List.of(TlsEngine.values()), ServerTlsReader::spelling))
        .orElse(DEFAULT_ENGINE);
    List<String> groups = tls.scalars("groups")
        .map(values -> distinct(tls, "groups", values, value -> value.matching(GROUPS::contains,
            "one of " + String.join(", ", GROUPS))))
        .orElse(DEFAULT_GROUPS);
    if (engine == TlsEngine.JDK && tls.scalars("groups").isPresent()) {
      tls.context().problem(tls.keyOf("groups"), "is set by BoringSSL (engine: openssl); the JDK engine takes"
          + " its groups from the JVM (system property jdk.tls.namedGroups): remove groups or use engine openssl");
    }
    return new ServerTlsConfig(
        certificate,
        key,
        protocols,
        cipherSuites,
        tls.scalar("client-auth")
            .flatMap(mode -> mode.asOneOf(List.of(ClientAuthMode.values()), ServerTlsReader::spelling)).orElse(DEFAULT_CLIENT_AUTH),
        tls.scalar("handshake-timeout")
            .flatMap(timeout -> timeout.asDuration(MIN_HANDSHAKE_TIMEOUT, MAX_HANDSHAKE_TIMEOUT))
            .orElse(DEFAULT_HANDSHAKE_TIMEOUT),
        engine,
        groups);
  }

  private static Optional<String> allowedSuite(Scalar value, CipherSuitePolicy policy) {
    Optional<String> rejection = policy.rejection(value.text());
    rejection.ifPresent(why -> value.problem(value.text() + " is not allowed: " + why));
    return rejection.isPresent() ? Optional.empty() : Optional.of(value.text());
  }

  /** Reads each value, reports repeats and an empty list; the caller's default stands in on problems. */
  private static List<String> distinct(
      Section tls, String name, List<Scalar> values, Function<Scalar, Optional<String>> read) {
    DuplicateCheck seen = new DuplicateCheck("; list each once");
    List<String> accepted = new ArrayList<>();
    for (Scalar value : values) {
      read.apply(value)
          .filter(text -> seen.isFirst(tls.context(), value.key(), text, text))
          .ifPresent(accepted::add);
    }
    if (values.isEmpty()) {
      tls.context().problem(tls.keyOf(name), "must list at least one value, or be left out for the default");
    }
    return tls.context().hasProblemsAt(tls.keyOf(name)) ? List.of() : accepted;
  }

  /** A protocol without a suite of its own would fail every handshake that negotiates it. */
  private static void checkEveryProtocolHasASuite(Section tls, List<String> protocols, List<String> suites) {
    if (tls.context().hasProblemsAt(tls.keyOf("protocols"))
        || tls.context().hasProblemsAt(tls.keyOf("cipher-suites"))) {
      return;
    }
    boolean hasTls13Suite = suites.stream().anyMatch(CipherSuitePolicy::isTls13);
    boolean hasTls12Suite = suites.stream().anyMatch(suite -> !CipherSuitePolicy.isTls13(suite));
    if (protocols.contains("TLSv1.3") && !hasTls13Suite) {
      tls.context().problem(tls.keyOf("cipher-suites"), "lists no TLS 1.3 suite although protocols"
          + " include TLSv1.3; add one (e.g. TLS_AES_128_GCM_SHA256) or drop TLSv1.3");
    }
    if (protocols.contains("TLSv1.2") && !hasTls12Suite) {
      tls.context().problem(tls.keyOf("cipher-suites"), "lists no TLS 1.2 suite although protocols"
          + " include TLSv1.2; add one (e.g. TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256) or drop TLSv1.2");
    }
  }

  static String spelling(ClientAuthMode mode) {
    return mode.name().toLowerCase(Locale.ROOT);
  }

  static String spelling(TlsEngine engine) {
    return engine.name().toLowerCase(Locale.ROOT);
  }
}
