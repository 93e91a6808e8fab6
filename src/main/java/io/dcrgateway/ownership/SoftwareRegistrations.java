package io.dcrgateway.ownership;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.Optional;

/**
 * Which software holds a registration made through the gateway (SPEC BR-18), shared by instances
 * like replay. A registration first claims its software (atomically: two instances racing with
 * the same software, one wins), then the claim names the client the identity server issued, and
 * a deletion through the gateway releases it.
 */
public interface SoftwareRegistrations {

  /**
   * @param holder what the claim names: a pending request id, later the client id
   * @param ttl when the claim lapses by itself; empty: never
   * @return true if the software held nothing and now holds {@code holder}
   */
  Future<Boolean> claim(SoftwareIdentity software, String holder, Optional<Duration> ttl);

  /** What the software holds now: a client id or a pending request. */
  Future<Optional<String>> holder(SoftwareIdentity software);

  /** Replaces the claim's holder (the pending request became a client). */
  Future<Void> assign(SoftwareIdentity software, String holder, Optional<Duration> ttl);

  /** Releases the claim if {@code holder} still holds it: a later registration is not undone. */
  Future<Void> release(SoftwareIdentity software, String holder);
}
