package io.dcrgateway.devpki;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * New RSA 2048 signing JWKs for PS256, the one alg both directories and FAPI accept (BR-06, UK-03,
 * UK-08). {@code use=sig} and {@code alg} are set because verifiers select keys by them; the kid is
 * the RFC 7638 thumbprint, so it is stable for a key and unique across keys.
 */
public final class Ps256Keys {

  private Ps256Keys() {
  }

  public static RSAKey generate() {
    try {
      return new RSAKeyGenerator(2048)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.PS256)
          .keyIDFromThumbprint(true)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate an RSA 2048 signing key", e);
    }
  }
}
