package io.dcrgateway.statement;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import io.dcrgateway.error.GatewayException;
import java.text.ParseException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * nimbus-jose-jwt's checks in DefaultJWTProcessor's order, on a {@link CompactJws} read once:
 * typ, alg allow-list, key chosen by kid, alg and use from a key set snapshot (verifiers kept per
 * snapshot, {@link KeyVerifiers}), signature, then the required claims, exact-match claims and
 * exp/nbf with skew. What nimbus says is turned into a rejection the TPP can read; no crypto or
 * claim check is re-implemented.
 */
final class JwsSignatureCheck {

  private JwsSignatureCheck() {
  }

  /** How a failure is answered: the statement and the request JWT use different error codes. */
  interface Rejection {
    GatewayException of(String reason, String description);
  }

  /**
   * What a token's header and claims must satisfy: built once per directory where they do not
   * change per request (nimbus' claims verifier is immutable once its skew is set).
   */
  record Rules(Set<String> algorithms, DefaultJWTClaimsVerifier<SecurityContext> claims) {

    static Rules of(Collection<String> algorithms, JWTClaimsSet exactMatch, Set<String> required, Duration skew) {
      DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(exactMatch, required);
      claims.setMaxClockSkew((int) skew.toSeconds());
      return new Rules(Set.copyOf(algorithms), claims);
    }
  }

  /**
   * @param what how the token is named in messages ("software statement", "request JWT")
   * @param reasonPrefix the stable prefix of reason ids ({@code statement}, {@code request-jwt})
   */
  static JWTClaimsSet verify(KeyVerifiers verifiersOfKeys, CompactJws jws, JWKSet keys, Rules rules, String what,
      String reasonPrefix, Rejection rejection) {
    String kid = jws.header().getKeyID();
    try {
      DefaultJOSEObjectTypeVerifier.JWT.verify(jws.header().getType(), null);
      if (!rules.algorithms().contains(jws.header().getAlgorithm().getName())) {
        throw new BadJOSEException("Signed JWT rejected: Another algorithm expected, or no matching key(s) found");
      }
      List<JWSVerifier> verifiers = verifiersOfKeys.of(keys, jws.header());
      if (verifiers.isEmpty()) {
        throw new BadJOSEException("Signed JWT rejected: Another algorithm expected, or no matching key(s) found");
      }
      if (!anyVerifies(verifiers, jws)) {
        throw new BadJOSEException("Signed JWT rejected: Invalid signature");
      }
    } catch (BadJOSEException e) {
      throw rejection.of(reasonPrefix + ".signature", what + " signature does not verify with the key "
          + kid + " (" + e.getMessage() + ")");
    } catch (JOSEException e) {
      throw rejection.of(reasonPrefix + ".signature", what + " could not be verified: " + e.getMessage());
    }
    try {
      JWTClaimsSet claims = JWTClaimsSet.parse(jws.claims());
      rules.claims().verify(claims, null);
      return claims;
    } catch (ParseException e) {
      throw rejection.of(reasonPrefix + ".claims", what + " claims are not acceptable: " + e.getMessage());
    } catch (BadJWTException e) {
      throw rejection.of(reasonPrefix + ".claims", what + " claims are not acceptable: " + e.getMessage());
    }
  }

  private static boolean anyVerifies(List<JWSVerifier> verifiers, CompactJws jws) throws JOSEException {
    for (JWSVerifier verifier : verifiers) {
      if (verifier.verify(jws.header(), jws.signingInput(), jws.signature())) {
        return true;
      }
    }
    return false;
  }
}
