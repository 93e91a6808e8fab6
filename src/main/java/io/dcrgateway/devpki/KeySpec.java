package io.dcrgateway.devpki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;

/**
 * The kind of key pair a certificate gets. RSA 2048 is what OFB client certificates use (Cert Std,
 * "RSA 2048 bits"); smaller RSA sizes exist so tests can present a key the gateway must refuse.
 */
public record KeySpec(String algorithm, int bits) {

  private static final SecureRandom RANDOM = new SecureRandom();

  public KeySpec {
    if (!algorithm.equals("RSA") && !algorithm.equals("EC")) {
      throw new IllegalArgumentException("unsupported key algorithm " + algorithm);
    }
    if (algorithm.equals("EC") && bits != 256) {
      throw new IllegalArgumentException("only EC P-256 is supported");
    }
  }

  public static KeySpec rsa(int bits) {
    return new KeySpec("RSA", bits);
  }

  public static KeySpec rsa2048() {
    return rsa(2048);
  }

  public static KeySpec ecP256() {
    return new KeySpec("EC", 256);
  }

  /** The spec of an existing key, so a replacement key looks the same from the outside. */
  public static KeySpec sameAs(PublicKey key) {
    if (key instanceof RSAPublicKey rsa) {
      return rsa(rsa.getModulus().bitLength());
    }
    if (key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() == 256) {
      return ecP256();
    }
    throw new IllegalArgumentException("unsupported key " + key.getAlgorithm());
  }

  public KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      if (algorithm.equals("EC")) {
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      } else {
        generator.initialize(bits, RANDOM);
      }
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate " + this, e);
    }
  }
}
