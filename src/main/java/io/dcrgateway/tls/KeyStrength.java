package io.dcrgateway.tls;

import io.dcrgateway.config.TrustConfig.KeyMinimums;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Optional;

/** Minimum key sizes for certificates in a client path (FAPI 1 Advanced §8.6: RSA >= 2048, EC >= 224; we default to 256). */
final class KeyStrength {

  private KeyStrength() {
  }

  /** Empty when strong enough; otherwise what is wrong, in words a TPP understands. */
  static Optional<String> weakness(PublicKey key, KeyMinimums minimums) {
    if (key instanceof RSAPublicKey rsa) {
      int bits = rsa.getModulus().bitLength();
      return bits >= minimums.rsaBits() ? Optional.empty()
          : Optional.of("RSA key has " + bits + " bits; at least " + minimums.rsaBits() + " are required");
    }
    if (key instanceof ECPublicKey ec) {
      int bits = ec.getParams().getCurve().getField().getFieldSize();
      return bits >= minimums.ecBits() ? Optional.empty()
          : Optional.of("EC key has " + bits + " bits; at least " + minimums.ecBits() + " are required");
    }
    if ("Ed25519".equals(key.getAlgorithm()) || "Ed448".equals(key.getAlgorithm())
        || "EdDSA".equals(key.getAlgorithm())) {
      return Optional.empty();
    }
    return Optional.of(key.getAlgorithm() + " keys are not accepted; use RSA or EC");
  }
}
