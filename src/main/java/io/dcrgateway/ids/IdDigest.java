package io.dcrgateway.ids;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * An id held by the in-memory state as the first 128 bits of SHA-256(len(namespace) || namespace
 * || id): the same size whatever length a sender chooses, no ambiguity between namespaces, and
 * no collision anyone can find.
 */
public record IdDigest(long high, long low) {

  /**
   * One digest per thread (event loops, workers), reset by each {@code digest()}: a registration
   * asks for two or three ids, and MessageDigest.getInstance walks the provider list each time.
   */
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(IdDigest::sha256);

  public static IdDigest of(String namespace, String id) {
    byte[] ns = namespace.getBytes(StandardCharsets.UTF_8);
    MessageDigest sha256 = SHA256.get();
    sha256.update((byte) (ns.length >>> 24));
    sha256.update((byte) (ns.length >>> 16));
    sha256.update((byte) (ns.length >>> 8));
    sha256.update((byte) ns.length);
    sha256.update(ns);
    sha256.update(id.getBytes(StandardCharsets.UTF_8));
    ByteBuffer digest = ByteBuffer.wrap(sha256.digest());
    return new IdDigest(digest.getLong(), digest.getLong());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
