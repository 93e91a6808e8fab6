package io.dcrgateway.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The crypto floor of a registration on this machine, from {@code openssl speed}: what the
 * server must compute at the least, whatever software it runs. Every key of the dev PKI is RSA
 * 2048 (server, CAs, TPPs, directory), and TLS 1.3 agrees on X25519 first. Server side:
 * <ul>
 *   <li>keep-alive registration: one PS256 verify of the software statement (the client's chain
 *       was verified once, at its handshake);</li>
 *   <li>new connection: X25519 key generation and derivation, the server's CertificateVerify
 *       (RSA sign; PSS costs what PKCS#1 v1.5 does: the modular exponentiation), the client's
 *       CertificateVerify (RSA verify), the client chain (leaf by the issuing CA, issuing CA by
 *       the root: two RSA verifies), then the PS256 verify.</li>
 * </ul>
 * Spread over all cores, this is the most registrations per second the machine could do. With
 * {@code --server-key ec} the server's CertificateVerify is an ECDSA P-256 signature instead.
 *
 * @param serverSign how the server signs its CertificateVerify, for the report
 */
record CryptoLimit(String serverSign, double serverSignMicros, double rsaVerifyMicros, double x25519Micros,
    int cores) {

  private static final Pattern RSA = Pattern.compile("^rsa 2048 bits\\s+\\S+\\s+\\S+\\s+([0-9.]+)\\s+([0-9.]+)\\s*$",
      Pattern.MULTILINE);
  private static final Pattern ECDSA_P256 = Pattern.compile(
      "^\\s*256 bits ecdsa \\(nistp256\\)\\s+\\S+\\s+\\S+\\s+([0-9.]+)\\s+([0-9.]+)\\s*$", Pattern.MULTILINE);
  private static final Pattern X25519 = Pattern.compile("ecdh \\(X25519\\)\\s+\\S+\\s+([0-9.]+)\\s*$", Pattern.MULTILINE);

  static CryptoLimit measure(int seconds, boolean ecServerKey) throws IOException, InterruptedException {
    Process speed = new ProcessBuilder("openssl", "speed", "-seconds", Integer.toString(seconds), "rsa2048", "ecdhx25519",
        "ecdsap256")
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    String out = new String(speed.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (speed.waitFor() != 0) {
      throw new IOException("openssl speed failed");
    }
    Matcher rsa = RSA.matcher(out);
    Matcher x25519 = X25519.matcher(out);
    Matcher ecdsa = ECDSA_P256.matcher(out);
    if (!rsa.find() || !x25519.find() || !ecdsa.find()) {
      throw new IOException("cannot read openssl speed's output:\n" + out);
    }
    double rsaSign = 1e6 / Double.parseDouble(rsa.group(1));
    double ecdsaSign = 1e6 / Double.parseDouble(ecdsa.group(1));
    return new CryptoLimit(ecServerKey ? "ECDSA P-256" : "RSA-2048", ecServerKey ? ecdsaSign : rsaSign,
        1e6 / Double.parseDouble(rsa.group(2)), 1e6 / Double.parseDouble(x25519.group(1)),
        Runtime.getRuntime().availableProcessors());
  }

  /** Server CPU of one full mutual-TLS handshake with a two-certificate client chain. */
  double handshakeMicros() {
    return 2 * x25519Micros + serverSignMicros + 3 * rsaVerifyMicros;
  }

  /** Server CPU of one keep-alive registration: the PS256 verify. */
  double keepAliveRegistrationMicros() {
    return rsaVerifyMicros;
  }

  /** Server CPU of one registration on a new connection. */
  double newConnectionRegistrationMicros() {
    return handshakeMicros() + rsaVerifyMicros;
  }

  double perSecond(double micros) {
    return cores * 1e6 / micros;
  }
}
