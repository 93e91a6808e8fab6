package io.dcrgateway.replay;

import io.vertx.core.Future;
import java.time.Instant;

/**
 * Remembers token ids (a JWT's {@code jti}) so each is accepted once: a software statement or
 * request JWT captured in transit (or from a log) cannot be registered a second time. Asynchronous
 * so a shared store (Redis) can back several gateway instances.
 */
public interface ReplayStore {

  /**
   * Atomically records {@code id} in {@code namespace} until {@code expiresAt}.
   *
   * @param namespace keeps ids of different token kinds (or issuers) apart: the same {@code jti}
   *     from two issuers is two tokens
   * @param expiresAt when the token stops being acceptable anyway; the caller folds its clock-skew
   *     leeway in ({@code exp + leeway}), since a token accepted within that leeway must stay
   *     recorded for it too
   * @return true the first time, false while an earlier use is recorded and not expired; failed
   *     with {@link ReplayStoreUnavailableException} when the store cannot vouch either way, which
   *     callers must treat as "not accepted" (503), never as a first use
   */
  Future<Boolean> firstUse(String namespace, String id, Instant expiresAt);

  /**
   * Forgets a use recorded by {@link #firstUse}: the token was accepted by the gateway but the
   * identity server did not act on it (refused, unreachable), so the sender may present it again.
   */
  Future<Void> release(String namespace, String id);
}
