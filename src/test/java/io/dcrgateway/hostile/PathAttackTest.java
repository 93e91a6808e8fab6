package io.dcrgateway.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.testkit.GatewayFixture;
import io.dcrgateway.testkit.RawTls;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Path traversal and encoded separators in {@code /register/{client_id}} (RFC 7592 §2): the
 * client id is re-encoded into the identity server's path, so nothing may change which resource
 * it addresses. Every request-target below is answered with a 4xx JSON error and not forwarded
 * (the gateway is the one answering, not the identity server).
 */
class PathAttackTest {

  private static GatewayFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = GatewayFixture.start(HostileConfigs::openFinance);
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  @BeforeEach
  void clear() {
    fixture.upstream().clear();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "/register/..", "/register/.", "/register/%2e%2e", "/register/%2E%2E", "/register/.%2e",
      "/register/..%2f..%2fadmin", "/register/a%2Fb", "/register/a%5Cb", "/register/a\\..\\b",
      "/register/c-1/../../admin", "/register/%252e%252e", "/register/%252F", "/register/..;/admin",
      "/register/a%00b", "/register/a%0d%0aX-Injected:%201", "/register/%c0%ae%c0%ae", "/register/%ff",
      "/register/a%", "/register/a%zz", "/register//c-1", "/register/c-1/", "/register/c-1?x=../../admin",
      "/register/c-1#frag", "//register/c-1", "/REGISTER/c-1", "/register/c-1/registration",
      "http://evil.example/register/c-1", "*"})
  void aHostileClientIdPathIsRefusedByTheGatewayItself(String target) throws Exception {
    try (RawTls connection = RawTls.open(fixture.gateway().port())) {
      connection.send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer rat\r\n\r\n");

      Optional<RawTls.Reply> reply = connection.reply();
      assertThat(reply).as("answer to %s", target).hasValueSatisfying(r -> {
        assertThat(r.status()).as("%s -> %s", target, r).isBetween(400, 499);
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(new JsonObject(r.body()).getString("error")).isNotBlank();
        assertThat(r.headers()).doesNotContainKey("x-injected");
      });
    }
    assertThat(fixture.upstream().received()).as("forwarded").isEmpty();
  }
}
