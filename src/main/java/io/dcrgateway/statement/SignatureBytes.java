package io.dcrgateway.statement;

import com.nimbusds.jose.util.Base64URL;
import java.util.Base64;

/**
 * A JWS signature whose {@link #decode()} uses the JDK's decoder: nimbus' verifiers decode the
 * signature on every verification with nimbus' own codec, which cost more than a percent of a
 * keep-alive registration (issue 6 profile). Text the JDK refuses (nimbus skips characters
 * outside the alphabet) is decoded by nimbus as before, so what a verifier sees never changes
 * for a well-formed signature and a malformed one still fails as a bad signature.
 */
final class SignatureBytes extends Base64URL {

  private static final long serialVersionUID = 1L;

  SignatureBytes(String encoded) {
    super(encoded);
  }

  @Override
  public byte[] decode() {
    try {
      return Base64.getUrlDecoder().decode(toString());
    } catch (IllegalArgumentException e) {
      return super.decode();
    }
  }
}
