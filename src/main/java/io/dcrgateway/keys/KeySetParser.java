package io.dcrgateway.keys;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.logging.Logger;

/** Turns a fetched JWKS document into the public keys the gateway will trust. */
final class KeySetParser {

  private static final Logger LOG = Logger.getLogger(KeySetParser.class.getName());

  private KeySetParser() {
  }

  /**
   * @throws KeySetFetchException if the document is not a JWK set
   */
  static JWKSet parsePublic(Buffer document, String location) {
    JWKSet parsed;
    try {
      parsed = JWKSet.parse(document.toString(StandardCharsets.UTF_8));
    } catch (ParseException | RuntimeException e) {
      throw new KeySetFetchException("not a JWK set: " + e.getMessage());
    }
    // A published set with private or symmetric key material is the publisher's mistake (RFC 7517
    // §9.2: private key information must not be disclosed). Verification only needs public parts, so keep just those:
    // holding secrets nobody meant to share would only widen what a memory dump exposes.
    JWKSet publicOnly = parsed.toPublicJWKSet();
    long withPrivateParts = parsed.getKeys().stream().filter(JWK::isPrivate).count();
    if (withPrivateParts > 0) {
      int symmetricDropped = parsed.size() - publicOnly.size();
      LOG.warning(() -> "key set " + location + " publishes private key material in "
          + withPrivateParts + " key(s): only public parts are kept"
          + (symmetricDropped > 0 ? ", " + symmetricDropped + " symmetric key(s) dropped" : ""));
    }
    return publicOnly;
  }
}
