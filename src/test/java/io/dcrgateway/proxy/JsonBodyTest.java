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
import java.util.function.Consumer;
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

  /** What is forwarded for {@code sent} once {@code amend} changed a copy of what it parses to. */
  private static String forwarded(String sent, Consumer<JsonObject> amend) throws Exception {
    JsonObject metadata = parsed(sent);
    JsonObject amended = metadata.copy();
    amend.accept(amended);
    return JsonBody.amended(Buffer.buffer(sent), metadata, amended).toString();
  }

  @Test
  void membersOnlyAddedAreAppendedToTheBytesTheTppSent() throws Exception {
    String sent = "{ \"redirect_uris\" : [\"https://tpp.example/cb\"],\n  \"software_statement\": \"e\\u0079J.x.y\" }\n";

    String body = forwarded(sent, m -> m.put("client_name", "Caixa d'Água \"BR\"").put("client_uri", "https://tpp.example"));

    assertThat(body).isEqualTo(sent.substring(0, sent.lastIndexOf('}'))
        + ",\"client_name\":\"Caixa d'Água \\\"BR\\\"\",\"client_uri\":\"https://tpp.example\"}");
    assertThat(parsed(body)).isEqualTo(parsed(sent).put("client_name", "Caixa d'Água \"BR\"")
        .put("client_uri", "https://tpp.example"));
  }

  @Test
  void addedMembersLongerThanTheBodyAreWholeAndNothingTrailsThem() throws Exception {
    String logo = "https://tpp.example/" + "l".repeat(5_000);

    Buffer body = JsonBody.amended(Buffer.buffer("{\"a\":1}"), parsed("{\"a\":1}"),
        parsed("{\"a\":1}").put("logo_uri", logo));

    assertThat(body.toString()).isEqualTo("{\"a\":1,\"logo_uri\":\"" + logo + "\"}");
    assertThat(body.length()).isEqualTo(body.getBytes().length);
  }

  @Test
  void anEmptyObjectGetsItsAddedMembersWithoutALeadingComma() throws Exception {
    assertThat(forwarded("{}", m -> m.put("client_name", "TPP"))).isEqualTo("{\"client_name\":\"TPP\"}");
  }

  @Test
  void aReplacedValueRewritesTheWholeObject() throws Exception {
    String sent = "{ \"client_name\": \"mine\", \"jwks_uri\": \"https://tpp.example/jwks\" }";

    assertThat(forwarded(sent, m -> m.put("client_name", "the directory's").put("logo_uri", "https://l.example")))
        .isEqualTo("{\"client_name\":\"the directory's\",\"jwks_uri\":\"https://tpp.example/jwks\","
            + "\"logo_uri\":\"https://l.example\"}");
  }

  @Test
  void aRemovedMemberRewritesTheWholeObject() throws Exception {
    assertThat(forwarded("{\"client_name\":\"mine\",\"jwks\":{\"keys\":[]}}", m -> m.remove("jwks")))
        .isEqualTo("{\"client_name\":\"mine\"}");
  }

  @Test
  void addedNestedValuesAreWrittenAsTheWholeObjectWouldWriteThem() throws Exception {
    JsonObject whole = parsed("{\"a\":1}")
        .put("contacts", new JsonArray().add("ops@tpp.example"))
        .put("plain_map", new LinkedHashMap<>(Map.of("k", List.of(1, "two"))))
        .putNull("nothing");

    assertThat(forwarded("{\"a\":1}", m -> m.mergeIn(whole))).isEqualTo(whole.toBuffer().toString());
  }
}
