package io.dcrgateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.request.StrictJson;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
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

  // The amended forwarded body: members the profile only added are appended to the bytes sent.

  private static JsonObject parsed(String sent) throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) StrictJson.read(sent.getBytes(StandardCharsets.UTF_8));
    return new JsonObject(map);
  }

  @Test
  void membersOnlyAddedAreAppendedToTheBytesTheTppSent() throws Exception {
    String sent = "{ \"redirect_uris\" : [\"https://tpp.example/cb\"],\n  \"software_statement\": \"e\\u0079J.x.y\" }\n";
    JsonObject metadata = parsed(sent);
    JsonObject amended = metadata.copy().put("client_name", "Caixa d'Água \"BR\"").put("client_uri", "https://tpp.example");

    Buffer body = JsonBody.amended(Buffer.buffer(sent), metadata, amended);

    assertThat(body.toString()).isEqualTo(sent.substring(0, sent.lastIndexOf('}'))
        + ",\"client_name\":\"Caixa d'Água \\\"BR\\\"\",\"client_uri\":\"https://tpp.example\"}");
    assertThat(parsed(body.toString())).isEqualTo(amended);
  }

  @Test
  void anEmptyObjectGetsItsAddedMembersWithoutALeadingComma() throws Exception {
    JsonObject amended = new JsonObject().put("client_name", "TPP");

    Buffer body = JsonBody.amended(Buffer.buffer("{}"), new JsonObject(), amended);

    assertThat(body.toString()).isEqualTo("{\"client_name\":\"TPP\"}");
  }

  @Test
  void aReplacedValueRewritesTheWholeObject() throws Exception {
    String sent = "{ \"client_name\": \"mine\", \"jwks_uri\": \"https://tpp.example/jwks\" }";
    JsonObject metadata = parsed(sent);
    JsonObject amended = metadata.copy().put("client_name", "the directory's").put("logo_uri", "https://l.example");

    Buffer body = JsonBody.amended(Buffer.buffer(sent), metadata, amended);

    assertThat(body.getBytes()).isEqualTo(amended.toBuffer().getBytes());
  }

  @Test
  void aRemovedMemberRewritesTheWholeObject() throws Exception {
    String sent = "{\"client_name\":\"mine\",\"jwks\":{\"keys\":[]}}";
    JsonObject metadata = parsed(sent);
    JsonObject amended = metadata.copy();
    amended.remove("jwks");

    assertThat(JsonBody.amended(Buffer.buffer(sent), metadata, amended).toString()).isEqualTo("{\"client_name\":\"mine\"}");
  }

  @Test
  void addedNestedValuesAreWrittenAsTheWholeObjectWouldWriteThem() throws Exception {
    String sent = "{\"a\":1}";
    JsonObject metadata = parsed(sent);
    JsonObject amended = metadata.copy()
        .put("contacts", new JsonArray().add("ops@tpp.example"))
        .put("plain_map", new LinkedHashMap<>(Map.of("k", List.of(1, "two"))))
        .putNull("nothing");

    Buffer body = JsonBody.amended(Buffer.buffer(sent), metadata, amended);

    assertThat(body.getBytes()).isEqualTo(amended.toBuffer().getBytes());
  }
}
