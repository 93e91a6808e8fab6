package io.dcrgateway.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
