package io.dcrgateway.statement;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The verifiers for a header's (alg, kid, x5t#S256) in one key set snapshot, built once: nimbus'
 * key selector turns the JWK into a Java key (base64 and BigInteger work) on every call, which a
 * key set that changes only on rotation does not need. Keyed by the snapshot's identity, so a
 * refreshed set is converted afresh; only matches are kept (a TPP choosing random kids cannot grow
 * it), and at most {@link #MAX_SETS} sets (TPP key sets come and go) before it starts over. With
 * AWS-LC ({@code crypto.provider}), RSA and EC keys are converted into it once, here, and their
 * signatures are checked there (PS256 in 17 us instead of the JDK's 35 us).
 */
final class KeyVerifiers {

  static final int MAX_SETS = 256;
  private static final DefaultJWSVerifierFactory FACTORY = new DefaultJWSVerifierFactory();

  private final Map<Snapshot, Map<String, List<JWSVerifier>>> bySnapshot = new ConcurrentHashMap<>();
  private final Optional<Provider> provider;

  /** @param provider the JCA provider that checks RSA and EC signatures; empty: the JDK's */
  KeyVerifiers(Optional<Provider> provider) {
    this.provider = provider;
  }

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
      converted.add(verifierFor(header, key));
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

  private JWSVerifier verifierFor(JWSHeader header, Key key) throws JOSEException {
    if (provider.isEmpty() || !(key instanceof RSAPublicKey || key instanceof ECPublicKey)) {
      return FACTORY.createJWSVerifier(header, key);
    }
    JWSVerifier verifier;
    try {
      if (key instanceof RSAPublicKey rsa) {
        verifier = new RSASSAVerifier((RSAPublicKey) KeyFactory.getInstance("RSA", provider.get())
            .generatePublic(new X509EncodedKeySpec(rsa.getEncoded())));
      } else {
        verifier = new ECDSAVerifier((ECPublicKey) KeyFactory.getInstance("EC", provider.get())
            .generatePublic(new X509EncodedKeySpec(key.getEncoded())));
      }
    } catch (GeneralSecurityException e) {
      // A key AWS-LC does not take (an unusual curve, a tiny modulus) is still the JDK's to check.
      return FACTORY.createJWSVerifier(header, key);
    }
    verifier.getJCAContext().setProvider(provider.get());
    return verifier;
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
