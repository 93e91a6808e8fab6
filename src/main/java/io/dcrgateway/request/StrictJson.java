package io.dcrgateway.request;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway and the identity server must not be able to read different values from one body:
 * duplicate keys and anything after the top-level value are errors, not "last one wins" or
 * "ignored". Bodies and the payloads of the JWTs in them are read with it.
 */
public final class StrictJson {

  /** The same rules as {@link #read}, through Jackson's data binding: for comparison in tests. */
  public static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** Jackson's tokenizer (with its nesting, number and string limits); duplicates are caught in {@link #tree}. */
  private static final JsonFactory TOKENS = new JsonFactory();

  private StrictJson() {
  }

  /** The bytes are not strict UTF-8 (RFC 8259 §8.1): a malformed byte is an error, not a replacement. */
  public static final class NotUtf8 extends Exception {
    NotUtf8() {
      super("not valid UTF-8", null, false, false);
    }
  }

  /**
   * Reads one JSON value from UTF-8 bytes. Printable ASCII (and tab, CR, LF), what client metadata
   * and statements nearly always are, is UTF-8 as it stands and goes to Jackson's byte parser
   * directly; anything else is decoded strictly first. Jackson's own byte parser is not the
   * judge of the rest: it guesses UTF-16 and UTF-32 from NUL bytes and skips a BOM, so two
   * readers could disagree on what the bytes say.
   */
  public static Object read(byte[] utf8) throws IOException, NotUtf8 {
    return read(utf8, 0, utf8.length);
  }

  /** {@link #read(byte[])} of {@code length} bytes from {@code offset}: a part of an array, not copied out. */
  public static Object read(byte[] utf8, int offset, int length) throws IOException, NotUtf8 {
    try (JsonParser parser = plainAscii(utf8, offset, length) ? TOKENS.createParser(utf8, offset, length)
        : TOKENS.createParser(text(utf8, offset, length))) {
      return tree(parser);
    }
  }

  /**
   * {@link #read(byte[])} of a received body, read where it lies when it is on the heap (a
   * request body is): no copy of a registration's few kB per request.
   */
  public static Object read(Buffer body) throws IOException, NotUtf8 {
    if (body instanceof BufferInternal internal) {
      ByteBuf bytes = internal.getByteBuf();
      if (bytes.hasArray()) {
        return read(bytes.array(), bytes.arrayOffset() + bytes.readerIndex(), bytes.readableBytes());
      }
    }
    return read(body.getBytes());
  }

  /**
   * One JSON value as Jackson's untyped binding gives it (LinkedHashMap, ArrayList, String,
   * Integer, Long or BigInteger, Double, Boolean, null), built from the tokens in a loop (no
   * recursion, however deep the parser allows), a repeated key in an object refused at the
   * map's put and anything after the value refused. Half the allocation of the data binding with
   * duplicate detection, which keeps a hash set of names per object besides the map itself.
   */
  private static Object tree(JsonParser parser) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      throw new JsonParseException(parser, "No content to map due to end-of-input");
    }
    ArrayDeque<Object> open = new ArrayDeque<>();
    Object root = null;
    String field = null; // in an object, every value comes right after its name
    for (; ; token = parser.nextToken()) {
      if (token == null) {
        throw new JsonParseException(parser, "Unexpected end-of-input");
      }
      Object value;
      switch (token) {
        case FIELD_NAME -> {
          field = parser.currentName();
          continue;
        }
        case END_OBJECT, END_ARRAY -> {
          open.pop();
          if (open.isEmpty()) {
            return nothingAfter(parser, root);
          }
          continue;
        }
        case START_OBJECT -> value = new LinkedHashMap<String, Object>();
        case START_ARRAY -> value = new ArrayList<Object>();
        case VALUE_STRING -> value = parser.getText();
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> value = parser.getNumberValue();
        case VALUE_TRUE -> value = Boolean.TRUE;
        case VALUE_FALSE -> value = Boolean.FALSE;
        case VALUE_NULL -> value = null;
        default -> throw new JsonParseException(parser, "Unexpected token " + token);
      }
      Object parent = open.peek();
      if (parent == null) {
        root = value;
      } else if (parent instanceof Map<?, ?> map) {
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) map;
        int before = object.size();
        object.put(field, value);
        if (object.size() == before) {
          throw new JsonParseException(parser, "Duplicate field '" + field + "'");
        }
      } else {
        @SuppressWarnings("unchecked")
        List<Object> array = (List<Object>) parent;
        array.add(value);
      }
      if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
        open.push(value);
      } else if (parent == null) {
        return nothingAfter(parser, root);
      }
    }
  }

  private static Object nothingAfter(JsonParser parser, Object root) throws IOException {
    JsonToken trailing = parser.nextToken();
    if (trailing != null) {
      throw new JsonParseException(parser, "Trailing token (of type " + trailing + ") found after value");
    }
    return root;
  }

  /** Strict UTF-8 to text: a malformed sequence, an overlong form or a lone surrogate is refused. */
  public static String text(byte[] utf8) throws NotUtf8 {
    return text(utf8, 0, utf8.length);
  }

  private static String text(byte[] utf8, int offset, int length) throws NotUtf8 {
    if (plainAscii(utf8, offset, length)) {
      return new String(utf8, offset, length, StandardCharsets.US_ASCII);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(utf8, offset, length)).toString();
    } catch (CharacterCodingException e) {
      throw new NotUtf8();
    }
  }

  private static boolean plainAscii(byte[] bytes, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      byte b = bytes[i];
      // Negative: a byte >= 0x80. Below 0x20 only JSON's whitespace, so no NUL reaches Jackson.
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
        return false;
      }
      if (b == 0x7f) {
        return false;
      }
    }
    return true;
  }
}
