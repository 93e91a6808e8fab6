package io.dcrgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The warm-up after the listener is bound goes through the encoder answers and audit records use. */
class JsonWarmUpTest {

  @Test
  void encodesEveryValueTypeAnAnswerOrAuditRecordHolds() {
    JsonObject encoded = new JsonObject(JsonWarmUp.encode());

    assertThat(encoded.getMap()).containsKeys("error", "count", "size", "ratio", "forwarded", "absent",
        "redirect_uris", "certificate");
    assertThat(encoded.getInteger("count")).isEqualTo(1);
    assertThat(encoded.getDouble("ratio")).isEqualTo(0.5);
    assertThat(encoded.getBoolean("forwarded")).isFalse();
    assertThat(encoded.getValue("absent")).isNull();
    assertThat(encoded.getJsonArray("redirect_uris").getString(0)).isEqualTo("https://tpp.example/cb");
    assertThat(encoded.getJsonObject("certificate").getString("serial")).isEqualTo("01");
  }
}
