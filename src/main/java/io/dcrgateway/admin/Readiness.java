package io.dcrgateway.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Ready once config, trust material and the public listener are up, and while nothing a
 * registration depends on is known to be broken (each {@link #check}: directory and identity
 * server keys usable, audit trail writable, shared state reachable); not ready while draining. A
 * balancer then sends TPPs to an instance that can serve them, and an operator reads in the
 * answer what is wrong.
 */
public final class Readiness {

  private final AtomicBoolean ready = new AtomicBoolean();
  private final CopyOnWriteArrayList<Supplier<Map<String, String>>> checks = new CopyOnWriteArrayList<>();

  public boolean isReady() {
    return ready.get() && problems().isEmpty();
  }

  public void ready() {
    ready.set(true);
  }

  public void notReady() {
    ready.set(false);
  }

  /** @param problems what is wrong now, by name (e.g. {@code directory-keys.dev-directory}); empty when fine */
  public void check(Supplier<Map<String, String>> problems) {
    checks.add(problems);
  }

  /** A single named check: {@code problem} empty while fine. */
  public void check(String name, Supplier<Optional<String>> problem) {
    checks.add(() -> problem.get().map(p -> Map.of(name, p)).orElse(Map.of()));
  }

  /** What the checks report now, by name; polled on each probe (they only read state). */
  public Map<String, String> problems() {
    Map<String, String> all = new LinkedHashMap<>();
    checks.forEach(check -> all.putAll(check.get()));
    return all;
  }
}
