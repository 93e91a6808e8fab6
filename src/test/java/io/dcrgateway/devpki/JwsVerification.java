package io.dcrgateway.devpki;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.nio.file.Path;

/** nimbus's stock verification, PS256 only, keys from a JWKS file: what a gateway's check boils down to. */
final class JwsVerification {

  private JwsVerification() {
  }

  /** The verified claims; throws BadJOSEException (or ParseException) when the token does not verify. */
  static JWTClaimsSet verifyPs256(String compactJws, Path jwksFile) throws Exception {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.PS256,
        new ImmutableJWKSet<>(JWKSet.load(jwksFile.toFile()))));
    return processor.process(compactJws, null);
  }
}
