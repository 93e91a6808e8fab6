package io.dcrgateway.ownership;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** One instance's memory. Lapsed claims are dropped when next looked at. */
public final class InMemorySoftwareRegistrations implements SoftwareRegistrations {

  private record Claim(String holder, Instant until) {
  }

  private final Map<SoftwareIdentity, Claim> claims = new ConcurrentHashMap<>();
  private final Clock clock;

  public InMemorySoftwareRegistrations(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Future<Boolean> claim(SoftwareIdentity software, String holder, Optional<Duration> ttl) {
    Claim wanted = new Claim(holder, until(ttl));
    Claim held = claims.compute(software, (key, current) -> current == null || lapsed(current) ? wanted : current);
    return Future.succeededFuture(held == wanted);
  }

  @Override
  public Future<Optional<String>> holder(SoftwareIdentity software) {
    return Future.succeededFuture(Optional.ofNullable(claims.get(software)).filter(c -> !lapsed(c)).map(Claim::holder));
  }

  @Override
  public Future<Void> assign(SoftwareIdentity software, String holder, Optional<Duration> ttl) {
    claims.put(software, new Claim(holder, until(ttl)));
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> release(SoftwareIdentity software, String holder) {
    claims.computeIfPresent(software, (key, current) -> current.holder().equals(holder) ? null : current);
    return Future.succeededFuture();
  }

  private Instant until(Optional<Duration> ttl) {
    return ttl.map(clock.instant()::plus).orElse(Instant.MAX);
  }

  private boolean lapsed(Claim claim) {
    return !claim.until().isAfter(clock.instant());
  }
}
