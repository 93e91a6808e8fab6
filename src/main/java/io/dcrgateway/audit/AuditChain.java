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

  private final MessageDigest sha256 = sha256();
  private String last;

  public AuditChain(String last) {
    this.last = last;
  }

  /** The line to write for {@code record}, linked to the previous one; advances the chain. */
  public synchronized String link(JsonObject record) {
    String line;
    if (record.containsKey(LINK) || record.isEmpty()) {
      JsonObject linked = new JsonObject().put(LINK, last);
      record.forEach(entry -> linked.put(entry.getKey(), entry.getValue()));
      line = linked.encode();
    } else {
      // The same line as the copy above gives, without copying the record: the link is a hex
      // string, so nothing in it needs escaping.
      String encoded = record.encode();
      line = "{\"" + LINK + "\":\"" + last + "\"," + encoded.substring(1);
    }
    last = HexFormat.of().formatHex(sha256.digest(line.getBytes(StandardCharsets.UTF_8)));
    return line;
  }

  public synchronized String last() {
    return last;
  }

  public static String hash(String line) {
    return HexFormat.of().formatHex(sha256().digest(line.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
