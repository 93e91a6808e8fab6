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
