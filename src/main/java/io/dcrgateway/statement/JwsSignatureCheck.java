package io.dcrgateway.statement;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.dcrgateway.error.GatewayException;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * nimbus-jose-jwt's processor, wrapped: key chosen by kid, alg and use from a key set snapshot,
 * signature verified, then the required claims, exact-match claims and exp/nbf with skew.
 * What nimbus says is turned into a rejection the TPP can read; nothing is re-implemented.
 */
final class JwsSignatureCheck {

  private JwsSignatureCheck() {
  }

  /** How a failure is answered: the statement and the request JWT use different error codes. */
  interface Rejection {
    GatewayException of(String reason, String description);
  }

  /**
   * @param what how the token is named in messages ("software statement", "request JWT")
   * @param reasonPrefix the stable prefix of reason ids ({@code statement}, {@code request-jwt})
   */
  static JWTClaimsSet verify(SignedJWT jwt, JWKSet keys, Set<String> algorithms, JWTClaimsSet exactMatch,
      Set<String> required, Duration skew, String what, String reasonPrefix, Rejection rejection) {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    Set<JWSAlgorithm> allowed = algorithms.stream().map(JWSAlgorithm::parse).collect(Collectors.toSet());
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(allowed, new ImmutableJWKSet<>(keys)));
    DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(exactMatch, required);
    claims.setMaxClockSkew((int) skew.toSeconds());
    processor.setJWTClaimsSetVerifier(claims);
    try {
      return processor.process(jwt, null);
    } catch (BadJWTException e) {
      throw rejection.of(reasonPrefix + ".claims", what + " claims are not acceptable: " + e.getMessage());
    } catch (BadJOSEException e) {
      throw rejection.of(reasonPrefix + ".signature", what + " signature does not verify with the key "
          + jwt.getHeader().getKeyID() + " (" + e.getMessage() + ")");
    } catch (JOSEException e) {
      throw rejection.of(reasonPrefix + ".signature", what + " could not be verified: " + e.getMessage());
    }
  }
}
