package io.dcrgateway.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 8259 §8.1: JSON exchanged between systems is UTF-8. Bodies and JWT payloads are read as
 * strict UTF-8 whichever path the bytes take, so the gateway never reads a value another reader
 * would read differently.
 */
class StrictJsonTest {

  @Test
  void plainAsciiMetadataIsRead() throws Exception {
    assertThat(StrictJson.read(utf8("{\"client_name\":\"TPP\",\n\t\"n\":1}")))
        .isEqualTo(Map.of("client_name", "TPP", "n", 1));
  }

  @Test
  void utf8BeyondAsciiIsReadLikeTheText() throws Exception {
    assertThat(StrictJson.read(utf8("{\"client_name\":\"Café São Paulo \u20ac \uD83D\uDE00\"}")))
        .isEqualTo(Map.of("client_name", "Café São Paulo \u20ac \uD83D\uDE00"));
  }

  @Test
  void aDeleteCharacterInAStringIsValidJson() throws Exception {
    assertThat(StrictJson.read(utf8("{\"a\":\"x\u007fy\"}"))).isEqualTo(Map.of("a", "x\u007fy"));
  }

  // A received body is read where it lies: only its own bytes, whatever surrounds them in the array.

  @Test
  void aBodyInsideALargerArrayIsReadAsItsOwnBytesOnly() throws Exception {
    byte[] around = utf8("junk{\"client_name\":\"Caf\u00e9\"}{\"more\":1}");
    Buffer body = BufferInternal.buffer(Unpooled.wrappedBuffer(around, 4, around.length - 4 - 10));

    assertThat(StrictJson.read(body)).isEqualTo(Map.of("client_name", "Caf\u00e9"));
    assertThat(StrictJson.read(around, 4, around.length - 4 - 10)).isEqualTo(Map.of("client_name", "Caf\u00e9"));
  }

  @Test
  void aBodyOffTheHeapIsReadTheSameWayAndItsBadBytesRefusedTheSameWay() throws Exception {
    byte[] json = utf8("{\"a\":[1,2]}");
    ByteBuf direct = Unpooled.directBuffer(json.length).writeBytes(json);

    assertThat(StrictJson.read(BufferInternal.buffer(direct))).isEqualTo(Map.of("a", java.util.List.of(1, 2)));
    byte[] overlong = concat(utf8("x{\"a\":\""), new byte[] {(byte) 0xC0, (byte) 0xAF}, utf8("\"}"));
    assertThatThrownBy(() -> StrictJson.read(BufferInternal.buffer(Unpooled.wrappedBuffer(overlong, 1, overlong.length - 1))))
        .isInstanceOf(StrictJson.NotUtf8.class);
  }

  @Test
  void utf16IsRefusedThoughJacksonsByteParserWouldGuessIt() throws Exception {
    byte[] utf16 = "{\"client_name\":\"TPP\"}".getBytes(StandardCharsets.UTF_16LE);

    // What the gateway must not do: Jackson alone reads these bytes as an object.
    assertThat(StrictJson.MAPPER.readValue(utf16, Object.class)).isEqualTo(Map.of("client_name", "TPP"));
    assertThatThrownBy(() -> StrictJson.read(utf16)).isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void aByteOrderMarkIsRefused() {
    byte[] bom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8("{\"a\":1}"));

    assertThatThrownBy(() -> StrictJson.read(bom)).isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void anOverlongFormOrAnEncodedSurrogateIsNotUtf8() {
    byte[] overlongSlash = concat(utf8("{\"a\":\""), new byte[] {(byte) 0xC0, (byte) 0xAF}, utf8("\"}"));
    byte[] surrogate = concat(utf8("{\"a\":\""), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, utf8("\"}"));

    assertThatThrownBy(() -> StrictJson.read(overlongSlash)).isInstanceOf(StrictJson.NotUtf8.class);
    assertThatThrownBy(() -> StrictJson.read(surrogate)).isInstanceOf(StrictJson.NotUtf8.class);
  }

  @Test
  void aNulByteOrARawControlCharacterIsRefused() {
    assertThatThrownBy(() -> StrictJson.read(utf8("{\"a\":\"x\u0000\"}"))).isInstanceOf(JsonProcessingException.class);
    assertThatThrownBy(() -> StrictJson.read(utf8("{\"a\":\"x\u0001\"}"))).isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void aDuplicateKeyIsRefusedOnBothPaths() {
    assertThatThrownBy(() -> StrictJson.read(utf8("{\"a\":1,\"a\":2}"))).isInstanceOf(JsonProcessingException.class);
    assertThatThrownBy(() -> StrictJson.read(utf8("{\"é\":1,\"é\":2}"))).isInstanceOf(JsonProcessingException.class);
  }

  /** What the gateway reads is what Jackson's untyped data binding with the same rules reads. */
  @ParameterizedTest
  @ValueSource(strings = {
      "{}", "[]", "\"x\"", "1", "null", "true",
      "{\"a\":{\"b\":[1,2,{\"c\":null}],\"d\":[]},\"e\":false}",
      "[0,-0,1.5,-2.5e3,1E-5,2147483647,2147483648,-9223372036854775808,9223372036854775808,"
          + "123456789012345678901234567890,0.1,1e308]",
      "{\"s\":\"\\u00e9\\n\\\"q\\\" \\ud83d\\ude00\"}",
      "{\"a\":null,\"b\":[null,null]}",
      " \n\t{ \"spaced\" : [ 1 , 2 ] } \r\n",
      "[[[[[[[[[[[[[[[[[[[[\"deep\"]]]]]]]]]]]]]]]]]]]]",
  })
  void readsWhatJacksonsDataBindingReads(String json) throws Exception {
    assertThat(StrictJson.read(utf8(json))).isEqualTo(StrictJson.MAPPER.readValue(utf8(json), Object.class));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "   ", "{", "[1,", "{\"a\":1}{}", "{\"a\":1} x", "[1]]", "1 2",
      "{\"a\":null,\"a\":1}", "{\"o\":{\"k\":1,\"k\":1}}", "[{\"k\":[],\"k\":{}}]",
      "{\"a\"}", "{\"a\":}", "[1,]", "{'a':1}", "NaN", "[01]",
  })
  void refusesWhatJacksonsDataBindingRefuses(String json) {
    assertThatThrownBy(() -> StrictJson.MAPPER.readValue(utf8(json), Object.class))
        .isInstanceOf(JsonProcessingException.class);
    assertThatThrownBy(() -> StrictJson.read(utf8(json))).isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void aDuplicateKeyIsNamedInTheError() {
    assertThatThrownBy(() -> StrictJson.read(utf8("{\"jwks_uri\":\"a\",\"jwks_uri\":\"b\"}")))
        .hasMessageStartingWith("Duplicate field 'jwks_uri'");
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }
}
