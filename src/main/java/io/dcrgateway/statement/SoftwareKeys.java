package io.dcrgateway.statement;

import com.nimbusds.jose.jwk.JWKSet;
import io.vertx.core.Future;
import java.net.URI;

/** The keys a TPP publishes at the JWKS endpoint its software statement names. */
public interface SoftwareKeys {

  /** Cached per URL; fetched when absent or when {@code kid} is unknown (rate-limited). */
  Future<JWKSet> keysFor(URI jwksEndpoint, String kid);
}
