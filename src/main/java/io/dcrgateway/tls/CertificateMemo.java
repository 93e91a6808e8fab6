package io.dcrgateway.tls;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the later stages derive from a verified client's certificate (its parsed subject, audit
 * facts, forwarded header values), kept with the client. A TLS session keeps its
 * {@link VerifiedClient}, and so do new connections presenting a chain verified before
 * ({@link VerifiedChains}), so such requests derive nothing again, and within one request
 * each stage derives it once however many rules ask. Each stage owns its {@link Key}, so this
 * package needs to know none of their types.
 *
 * <p>Derived values depend on the certificate only, so two memos are interchangeable: equal, and
 * a client's equality stays that of its certificate, chain, domain and revocation outcome.
 */
public final class CertificateMemo {

  private final Map<Key<?>, Object> values = new ConcurrentHashMap<>(8);

  /** A kind of derived value; compared by identity, so a stage's own constant. */
  public static final class Key<T> {

    private final String name;

    public Key(String name) {
      this.name = name;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * The value derived before, or {@code derive}'s now. A derivation that fails is not kept: it
   * fails again at the next ask, where it did before. Two threads may both derive the first
   * time; one result is kept.
   */
  @SuppressWarnings("unchecked")
  public <T> T get(Key<T> key, Supplier<T> derive) {
    Object known = values.get(key);
    if (known != null) {
      return (T) known;
    }
    // Not computeIfAbsent: a derivation may itself read another key of this memo.
    T derived = derive.get();
    Object raced = values.putIfAbsent(key, derived);
    return raced != null ? (T) raced : derived;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CertificateMemo;
  }

  @Override
  public int hashCode() {
    return 0;
  }

  @Override
  public String toString() {
    return "CertificateMemo" + values.keySet();
  }
}
