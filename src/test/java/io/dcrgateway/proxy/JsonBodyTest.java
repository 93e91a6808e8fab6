package io.dcrgateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A forwarded or relayed JSON body carries exactly the bytes Vert.x's own encoding gives. */
class JsonBodyTest {

  @Test
  void theBytesAreThoseOfJsonObjectToBuffer() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("uri", "https://tpp.example/cb?x=1&y=\"2\"");
    nested.put("n", 12.5);
    JsonObject json = new JsonObject()
        .put("client_name", "Caixa d'Água — São Paulo \uD83D\uDE80")
        .put("redirect_uris", new JsonArray().add("https://tpp.example/cb").add("com.example.app:/oauth2redirect"))
        .put("plain_map", nested)
        .put("plain_list", List.of(1, true, "three"))
        .putNull("nothing")
        .put("control", "tab\tnewline\n\u0001");

    Buffer body = JsonBody.of(json, 16);

    assertThat(body.getBytes()).isEqualTo(json.toBuffer().getBytes());
    assertThat(body.toJsonObject()).isEqualTo(json);
  }

  @Test
  void aBodyLongerThanTheHintIsWholeAndAShortOneHasNoTrailingBytes() {
    JsonObject large = new JsonObject().put("software_statement", "x".repeat(100_000));
    assertThat(JsonBody.of(large, 10).length()).isEqualTo(large.toBuffer().length());

    JsonObject small = new JsonObject().put("a", 1);
    assertThat(JsonBody.of(small, 4096).toString()).isEqualTo("{\"a\":1}");
  }
}
