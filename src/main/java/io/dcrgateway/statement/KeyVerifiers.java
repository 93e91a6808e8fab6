package io.dcrgateway.statement;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import java.security.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The verifiers for a header's (alg, kid, x5t#S256) in one key set snapshot, built once: nimbus'
 * key selector turns the JWK into a Java key (base64 and BigInteger work) on every call, which a
 * key set that changes only on rotation does not need. Keyed by the snapshot's identity, so a
 * refreshed set is converted afresh; only matches are kept (a TPP choosing random kids cannot grow
 * it), and at most {@link #MAX_SETS} sets (TPP key sets come and go) before it starts over.
 */
final class KeyVerifiers {

  static final int MAX_SETS = 256;
  private static final DefaultJWSVerifierFactory FACTORY = new DefaultJWSVerifierFactory();

  private final Map<Snapshot, Map<String, List<JWSVerifier>>> bySnapshot = new ConcurrentHashMap<>();

  /** Empty when no key of the set may verify this header (kid, key type, use and alg as nimbus matches them). */
  List<JWSVerifier> of(JWKSet keys, JWSHeader header) throws JOSEException {
    Map<String, List<JWSVerifier>> byHeader = bySnapshot.get(new Snapshot(keys));
    String selector = selectorOf(header);
    List<JWSVerifier> cached = byHeader == null ? null : byHeader.get(selector);
    if (cached != null) {
      return cached;
    }
    List<Key> matching = new JWSVerificationKeySelector<SecurityContext>(header.getAlgorithm(),
        new ImmutableJWKSet<>(keys)).selectJWSKeys(header, null);
    List<JWSVerifier> converted = new ArrayList<>(matching.size());
    for (Key key : matching) {
      converted.add(FACTORY.createJWSVerifier(header, key));
    }
    List<JWSVerifier> verifiers = List.copyOf(converted);
    if (!verifiers.isEmpty()) {
      if (bySnapshot.size() >= MAX_SETS) {
        bySnapshot.clear();
      }
      bySnapshot.computeIfAbsent(new Snapshot(keys), s -> new ConcurrentHashMap<>()).put(selector, verifiers);
    }
    return verifiers;
  }

  /** What nimbus' matcher reads from a JWS header (JWKMatcher.forJWSHeader). */
  private static String selectorOf(JWSHeader header) {
    Base64URL thumbprint = header.getX509CertSHA256Thumbprint();
    return header.getAlgorithm().getName() + '\u0000' + header.getKeyID() + '\u0000'
        + (thumbprint == null ? "" : thumbprint.toString());
  }

  /** A key set by identity: snapshots are immutable and replaced, never edited. */
  private record Snapshot(JWKSet keys) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Snapshot s && s.keys == keys;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(keys);
    }
  }
}
