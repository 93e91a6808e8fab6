package io.dcrgateway.request;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The gateway and the identity server must not be able to read different values from one body:
 * duplicate keys and anything after the top-level value are errors, not "last one wins" or
 * "ignored". Bodies and the payloads of the JWTs in them are read with it.
 */
public final class StrictJson {

  public static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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
    return plainAscii(utf8) ? MAPPER.readValue(utf8, Object.class) : MAPPER.readValue(text(utf8), Object.class);
  }

  /** Strict UTF-8 to text: a malformed sequence, an overlong form or a lone surrogate is refused. */
  public static String text(byte[] utf8) throws NotUtf8 {
    if (plainAscii(utf8)) {
      return new String(utf8, StandardCharsets.US_ASCII);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(utf8)).toString();
    } catch (CharacterCodingException e) {
      throw new NotUtf8();
    }
  }

  private static boolean plainAscii(byte[] bytes) {
    for (byte b : bytes) {
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
