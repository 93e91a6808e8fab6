package io.dcrgateway.devpki;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.opts.AllowWeakRSAKey;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * The signature part of a compact JWS for any alg a test asks for, including the ones an attacker
 * sends: {@code none} (empty signature) and HMAC keyed with the verifier's public key (the
 * RS256-to-HS256 key confusion), which no honest signer would produce.
 */
final class JwsSignature {

  private JwsSignature() {
  }

  /** True for {@code none} in any spelling ("None", "NONE"): verifiers that compare loosely accept them. */
  static boolean isUnsecured(JWSAlgorithm algorithm) {
    return algorithm.getName().equalsIgnoreCase("none");
  }

  /**
   * @param key the signing key; for HMAC algs, an oct key is used as is and any other key's public
   *     half (as PEM text) becomes the secret unless {@code hmacSecret} is given
   */
  static Base64URL sign(JWSAlgorithm algorithm, JWK key, byte[] hmacSecret, byte[] signingInput) {
    if (isUnsecured(algorithm)) {
      return new Base64URL("");
    }
    try {
      return signer(algorithm, key, hmacSecret).sign(new JWSHeader(algorithm), signingInput);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("cannot sign with " + algorithm + ": " + e.getMessage(), e);
    }
  }

  private static JWSSigner signer(JWSAlgorithm algorithm, JWK key, byte[] hmacSecret) throws JOSEException {
    if (JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)) {
      return new MACSigner(hmacSecret != null ? hmacSecret : secretFrom(key));
    }
    if (JWSAlgorithm.Family.RSA.contains(algorithm) && key instanceof RSAKey rsa && rsa.isPrivate()) {
      // allowWeakKey: tests also sign with keys below 2048 bits to see them refused.
      return new RSASSASigner(rsa.toPrivateKey(), Set.of(AllowWeakRSAKey.getInstance()));
    }
    if (JWSAlgorithm.Family.EC.contains(algorithm) && key instanceof ECKey ec && ec.isPrivate()) {
      return new ECDSASigner(ec);
    }
    throw new IllegalArgumentException(algorithm + " needs a matching private key; got "
        + (key == null ? "none" : (key.isPrivate() ? "a private " : "a public ") + key.getKeyType() + " key"));
  }

  private static byte[] secretFrom(JWK key) throws JOSEException {
    if (key instanceof OctetSequenceKey oct) {
      return oct.toByteArray();
    }
    if (key instanceof RSAKey rsa) {
      return publicKeyPem(rsa.toPublicKey().getEncoded());
    }
    if (key instanceof ECKey ec) {
      return publicKeyPem(ec.toPublicKey().getEncoded());
    }
    throw new IllegalArgumentException("no HMAC secret: give one, or an oct, RSA or EC key");
  }

  private static byte[] publicKeyPem(byte[] subjectPublicKeyInfo) {
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(subjectPublicKeyInfo);
    return ("-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n").getBytes(StandardCharsets.US_ASCII);
  }
}
