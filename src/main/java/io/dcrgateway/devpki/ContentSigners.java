package io.dcrgateway.devpki;

import java.security.PrivateKey;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Picks the signature algorithm from the issuer's key: SHA-256 either way (OFB Cert Std, "SHA 256 bits"). */
final class ContentSigners {

  private ContentSigners() {
  }

  static String algorithmFor(PrivateKey issuerKey) {
    return switch (issuerKey.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      default -> throw new IllegalArgumentException("cannot sign with a " + issuerKey.getAlgorithm() + " key");
    };
  }

  static ContentSigner forKey(PrivateKey issuerKey) {
    try {
      return new JcaContentSignerBuilder(algorithmFor(issuerKey)).build(issuerKey);
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("cannot build a signer for " + issuerKey.getAlgorithm(), e);
    }
  }
}
