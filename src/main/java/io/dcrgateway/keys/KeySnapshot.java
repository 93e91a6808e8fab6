package io.dcrgateway.keys;

import com.nimbusds.jose.jwk.JWKSet;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One synchronous look at a key set: usable as-is by nimbus
 * ({@code new ImmutableJWKSet<>(snapshot.keys())}) once {@link #usable()} says so.
 *
 * @param keys public keys only; empty unless {@link KeyAvailability#AVAILABLE}, so a caller that
 *     forgets to check availability still cannot verify with keys it should not trust
 * @param fetchedAt when the keys were last fetched successfully, if ever
 */
public record KeySnapshot(KeyAvailability availability, JWKSet keys, Optional<Instant> fetchedAt) {

  public KeySnapshot {
    Objects.requireNonNull(availability, "availability");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
  }

  public boolean usable() {
    return availability == KeyAvailability.AVAILABLE;
  }

  public boolean hasKeyId(String kid) {
    return usable() && keys.getKeyByKeyId(kid) != null;
  }
}
