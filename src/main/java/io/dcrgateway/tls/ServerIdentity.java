package io.dcrgateway.tls;

import io.dcrgateway.config.ConfigProblem;
import io.dcrgateway.config.ListenerConfig.ServerTlsConfig;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Checks the listener's certificate and key before the gateway listens: both parse, the key
 * belongs to the certificate, and the certificate is within its validity. A mismatch found at
 * start-up is a config message; found at the first handshake it is an outage.
 */
public final class ServerIdentity {

  private ServerIdentity() {
  }

  public static List<ConfigProblem> problems(ServerTlsConfig tls, Instant now) {
    List<ConfigProblem> problems = new ArrayList<>();
    List<X509Certificate> chain = List.of();
    try {
      chain = PemCertificates.read(tls.certificate());
    } catch (Exception e) {
      problems.add(new ConfigProblem("listener.tls.certificate",
          "cannot read certificates from " + tls.certificate() + ": " + e.getMessage()));
    }
    PrivateKey key = null;
    try {
      key = readKey(tls.key());
    } catch (Exception e) {
      problems.add(new ConfigProblem("listener.tls.key",
          "cannot read a private key from " + tls.key() + ": " + e.getMessage()));
    }
    if (!chain.isEmpty()) {
      X509Certificate leaf = chain.get(0);
      if (leaf.getNotAfter().before(Date.from(now))) {
        problems.add(new ConfigProblem("listener.tls.certificate",
            "server certificate expired at " + leaf.getNotAfter().toInstant()));
      }
      if (key != null && !matches(key, leaf)) {
        problems.add(new ConfigProblem("listener.tls.key",
            "the key in " + tls.key() + " does not belong to the first certificate in " + tls.certificate()));
      }
    }
    return problems;
  }

  static PrivateKey readKey(Path file) throws Exception {
    try (Reader reader = Files.newBufferedReader(file); PEMParser pem = new PEMParser(reader)) {
      Object object = pem.readObject();
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      if (object instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
      if (object instanceof PEMKeyPair pair) {
        return converter.getKeyPair(pair).getPrivate();
      }
      throw new IllegalArgumentException(object == null
          ? "no PEM object found" : "expected an unencrypted PKCS#8 or PKCS#1/SEC1 private key");
    }
  }

  static boolean matches(PrivateKey key, X509Certificate certificate) {
    // An RSA key with its CRT parameters carries its public half: compare, instead of a signature
    // a cold JVM makes in tens of milliseconds on the start's critical path.
    if (key instanceof RSAPrivateCrtKey rsa) {
      return certificate.getPublicKey() instanceof RSAPublicKey pub
          && pub.getModulus().equals(rsa.getModulus()) && pub.getPublicExponent().equals(rsa.getPublicExponent());
    }
    try {
      String algorithm = switch (key.getAlgorithm()) {
        case "RSA" -> "SHA256withRSA";
        case "EC", "ECDSA" -> "SHA256withECDSA";
        default -> key.getAlgorithm();
      };
      byte[] probe = "dcr-gateway key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(probe);
      return verifier.verify(signature);
    } catch (Exception e) {
      return false;
    }
  }
}
