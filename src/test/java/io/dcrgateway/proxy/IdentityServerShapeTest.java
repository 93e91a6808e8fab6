package io.dcrgateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.config.UpstreamConfig.IdentityServer;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Keycloak rejects software_statement (400), yet RFC 7591 §3.2.1 requires the registration
 * response to echo it unmodified: withheld on the way in, put back on the way out.
 */
class IdentityServerShapeTest {

  private static final String SSA = "eyJhbGciOiJQUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln";
  private final IdentityServerShape keycloak = new IdentityServerShape(IdentityServer.of("keycloak"));

  @Test
  void keycloakNeverSeesTheSoftwareStatement() {
    Buffer body = new JsonObject().put("redirect_uris", "x").put("software_statement", SSA).toBuffer();

    IdentityServerShape.Shaped shaped = keycloak.shape(body, Optional.of("application/json"));

    assertThat(shaped.body().toJsonObject().containsKey("software_statement")).isFalse();
    assertThat(shaped.body().toJsonObject().getString("redirect_uris")).isEqualTo("x");
    assertThat(shaped.withheld().getString("software_statement")).isEqualTo(SSA);
  }

  @Test
  void theRegistrationResponseEchoesTheStatementUnmodified() {
    UpstreamResponse answer = new UpstreamResponse(201, "Created", MultiMap.caseInsensitiveMultiMap(),
        new JsonObject().put("client_id", "c-1").toBuffer());

    UpstreamResponse completed = keycloak.complete(answer, new JsonObject().put("software_statement", SSA));

    assertThat(completed.body().toJsonObject().getString("software_statement")).isEqualTo(SSA);
    assertThat(completed.body().toJsonObject().getString("client_id")).isEqualTo("c-1");
  }

  @Test
  void errorAnswersAndGenericServersAreLeftAlone() {
    UpstreamResponse error = new UpstreamResponse(400, "Bad Request", MultiMap.caseInsensitiveMultiMap(),
        new JsonObject().put("error", "invalid_client_metadata").toBuffer());
    assertThat(keycloak.complete(error, new JsonObject().put("software_statement", SSA))).isSameAs(error);

    Buffer body = new JsonObject().put("software_statement", SSA).toBuffer();
    assertThat(new IdentityServerShape(IdentityServer.GENERIC).shape(body, Optional.of("application/json")).body())
        .isSameAs(body);
  }
}
