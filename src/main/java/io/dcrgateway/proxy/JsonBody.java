package io.dcrgateway.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.json.EncodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.DatabindCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Objects;

/**
 * A JSON object as the body of a forwarded request or a relayed answer, written by Jackson
 * straight into the buffer that is sent. {@link JsonObject#toBuffer()} gives the same bytes
 * through two more copies (Jackson's byte builder, then its array into a new buffer): a few kB
 * each per registration, about a tenth of what a keep-alive registration allocated (issue 6
 * allocation profile).
 */
public final class JsonBody {

  private JsonBody() {
  }

  /**
   * The body to forward once the profile amended the metadata. Where it only added members (the
   * Open Finance profile fills {@code client_name} and the like from the statement), they are
   * appended to the bytes the TPP sent and the gateway checked, which are otherwise kept as they
   * are: no rewriting of the statement's few kB each time. Any other change (a value replaced or
   * removed) writes the whole object afresh, as {@link #of} does.
   *
   * @param sent the bytes received, one strictly parsed JSON object (no duplicate members)
   * @param parsed what they parse to
   * @param amended the metadata as the profile amended it
   */
  public static Buffer amended(Buffer sent, JsonObject parsed, JsonObject amended) {
    int close = closingBrace(sent);
    if (close < 0 || !onlyAdds(parsed, amended)) {
      return of(amended, sent.length() + 256);
    }
    JsonObject added = new JsonObject(new LinkedHashMap<>());
    for (String name : amended.fieldNames()) {
      if (!parsed.containsKey(name)) {
        added.put(name, amended.getValue(name));
      }
    }
    // The added members as one object, "{...}": its members follow the sent ones. One array of
    // the final length, filled once (no buffer that outgrows a guessed size and is copied again).
    byte[] members;
    try {
      members = DatabindCodec.mapper().writeValueAsBytes(added);
    } catch (IOException e) {
      throw new EncodeException("cannot encode the JSON body: " + e.getMessage(), e);
    }
    boolean comma = !parsed.isEmpty() && !added.isEmpty();
    byte[] body = new byte[close + (comma ? 1 : 0) + members.length - 1];
    sent.getBytes(0, close, body, 0);
    int at = close;
    if (comma) {
      body[at++] = ',';
    }
    System.arraycopy(members, 1, body, at, members.length - 1);
    return BufferInternal.buffer(Unpooled.wrappedBuffer(body));
  }

  /** Every member sent is still there with the same value; the amendment may only add. */
  private static boolean onlyAdds(JsonObject parsed, JsonObject amended) {
    for (String name : parsed.fieldNames()) {
      if (!amended.containsKey(name) || !Objects.equals(parsed.getValue(name), amended.getValue(name))) {
        return false;
      }
    }
    return true;
  }

  /** Where the object's closing brace is (JSON whitespace may follow it), or -1. */
  private static int closingBrace(Buffer json) {
    for (int i = json.length() - 1; i >= 0; i--) {
      byte b = json.getByte(i);
      if (b == '}') {
        return i;
      }
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return -1;
      }
    }
    return -1;
  }

  /** @param sizeHint about how long the JSON will be (the buffer grows if it is longer) */
  public static Buffer of(JsonObject json, int sizeHint) {
    ByteBuf bytes = Unpooled.buffer(Math.max(64, sizeHint));
    try (OutputStream out = new ByteBufOutputStream(bytes)) {
      DatabindCodec.mapper().writeValue(out, json);
    } catch (IOException e) {
      throw new EncodeException("cannot encode the JSON body: " + e.getMessage(), e);
    }
    return BufferInternal.buffer(bytes);
  }
}
