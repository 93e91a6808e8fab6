package io.dcrgateway.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verdicts on client certificate chains already verified with one trust material, keyed by the
 * SHA-256 of the chain exactly as presented. A TPP opening a new connection (or resuming a TLS
 * session, whose Java-side values the engines do not keep) with a chain seen before gets the
 * same verdict without a second PKIX run: the handshake has proved again that it holds the leaf's
 * key, and PKIX over the same bytes, anchors and time gives the same answer. A verdict lives at
 * most {@link #MAX_AGE} and never past a moment it could change: the earliest notAfter in the
 * chain, or a notBefore still ahead. Revocation is not cached here: it is its own
 * stage with its own validity. Bounded: least recently used chains go first.
 */
final class VerifiedChains {

  static final Duration MAX_AGE = Duration.ofMinutes(10);
  static final int CAPACITY = 10_000;

  private final Map<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true) {
    // Qualified: inside a LinkedHashMap subclass, JDK 25's javac reads a bare Entry as Map.Entry.
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, VerifiedChains.Entry> eldest) {
      return size() > CAPACITY;
    }
  };

  /** The verdict on this chain, if one was reached and still holds at {@code now}. */
  Optional<CertificateVerification> get(String key, Instant now) {
    synchronized (entries) {
      Entry entry = entries.get(key);
      if (entry == null) {
        return Optional.empty();
      }
      if (!now.isBefore(entry.validUntil())) {
        entries.remove(key);
        return Optional.empty();
      }
      return Optional.of(entry.verification());
    }
  }

  void put(String key, List<X509Certificate> presented, CertificateVerification verification, Instant now) {
    Instant until = now.plus(MAX_AGE);
    until = earliestChange(presented, now, until);
    if (verification.client().isPresent()) {
      VerifiedClient client = verification.client().get();
      until = earliestChange(client.chain(), now, until);
    }
    if (until.isAfter(now)) {
      synchronized (entries) {
        entries.put(key, new Entry(verification, until));
      }
    }
  }

  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  /** SHA-256 over each certificate's DER, length-prefixed so that no two chains share a key. */
  static Optional<String> keyOf(List<X509Certificate> presented) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      for (X509Certificate certificate : presented) {
        byte[] der = certificate.getEncoded();
        sha256.update(new byte[] {(byte) (der.length >>> 24), (byte) (der.length >>> 16),
            (byte) (der.length >>> 8), (byte) der.length});
        sha256.update(der);
      }
      return Optional.of(HexFormat.of().formatHex(sha256.digest()));
    } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
      return Optional.empty();
    }
  }

  private static Instant earliestChange(Collection<X509Certificate> certificates, Instant now, Instant until) {
    Instant earliest = until;
    for (X509Certificate certificate : certificates) {
      Instant notAfter = certificate.getNotAfter().toInstant();
      Instant notBefore = certificate.getNotBefore().toInstant();
      if (notAfter.isBefore(earliest)) {
        earliest = notAfter;
      }
      if (notBefore.isAfter(now) && notBefore.isBefore(earliest)) {
        earliest = notBefore;
      }
    }
    return earliest;
  }

  private record Entry(CertificateVerification verification, Instant validUntil) {
  }
}
