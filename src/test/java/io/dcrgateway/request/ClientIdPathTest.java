package io.dcrgateway.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcrgateway.error.GatewayException;
import org.junit.jupiter.api.Test;

/**
 * RFC 7592 §2: the client_id path segment. Only RFC 3986 pchar without percent-encoding (the
 * router decoded it already) is re-encoded into the upstream path: unreserved, sub-delims, ':'
 * and '@'; no '/', no dot segment, at most 256 characters.
 */
class ClientIdPathTest {

  private static final String PCHAR_UNENCODED =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@";

  @Test
  void everyUnreservedSubDelimColonAndAtIsAccepted() {
    for (char c : PCHAR_UNENCODED.toCharArray()) {
      assertThat(ClientIdPath.validate("id" + c)).isEqualTo("id" + c);
    }
    assertThat(ClientIdPath.validate(PCHAR_UNENCODED)).isEqualTo(PCHAR_UNENCODED);
    assertThat(ClientIdPath.validate("...")).isEqualTo("...");
  }

  @Test
  void everyOtherCharacterIsRefused() {
    for (char c = 0; c < 0x3000; c++) {
      if (PCHAR_UNENCODED.indexOf(c) < 0) {
        String id = "id" + c;
        assertThatThrownBy(() -> ClientIdPath.validate(id)).as("U+%04X", (int) c)
            .isInstanceOf(GatewayException.class)
            .satisfies(e -> assertThat(((GatewayException) e).status()).isEqualTo(400));
      }
    }
  }

  @Test
  void dotSegmentsEmptyAndOverlongIdsAreRefused() {
    for (String id : new String[] {".", "..", "", "a".repeat(257)}) {
      assertThatThrownBy(() -> ClientIdPath.validate(id)).isInstanceOf(GatewayException.class);
    }
    assertThatThrownBy(() -> ClientIdPath.validate(null)).isInstanceOf(GatewayException.class);
    assertThat(ClientIdPath.validate("a".repeat(256))).hasSize(256);
  }
}
