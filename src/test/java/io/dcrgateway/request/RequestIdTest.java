package io.dcrgateway.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A request id the gateway makes up is an RFC 9562 version 4 UUID, fresh each time. */
class RequestIdTest {

  @Test
  void aGeneratedIdIsAVersion4UuidOfTheRfcVariant() {
    UUID id = UUID.fromString(RequestContexts.newRequestId());

    assertThat(id.version()).isEqualTo(4);
    assertThat(id.variant()).isEqualTo(2);
  }

  @Test
  void idsDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      assertThat(seen.add(RequestContexts.newRequestId())).isTrue();
    }
  }
}
