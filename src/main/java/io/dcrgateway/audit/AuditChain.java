package io.dcrgateway.audit;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain that makes the trail tamper-evident: every record carries {@code prev}, the
 * SHA-256 of the previous record's exact line. Editing, deleting, inserting or reordering a
 * record breaks the link of the record after it; a new file (rotation) starts with the hash of
 * the last line of the previous one. The first record of a trail links to {@link #GENESIS}.
 */
public final class AuditChain {

  public static final String GENESIS = "0".repeat(64);
  public static final String LINK = "prev";

  private String last;

  public AuditChain(String last) {
    this.last = last;
  }

  /** The line to write for {@code record}, linked to the previous one; advances the chain. */
  public synchronized String link(JsonObject record) {
    JsonObject linked = new JsonObject().put(LINK, last);
    record.forEach(entry -> linked.put(entry.getKey(), entry.getValue()));
    String line = linked.encode();
    last = hash(line);
    return line;
  }

  public synchronized String last() {
    return last;
  }

  public static String hash(String line) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(line.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
