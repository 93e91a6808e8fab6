package io.dcrgateway.config;

import static io.dcrgateway.config.ConfigFixture.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ${NAME} and ${NAME:default} in values. */
class EnvSubstitutionTest {

  private static final Map<String, String> ENV = Map.of("PORT", "9443", "EMPTY", "", "HOST", "is.example");

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiterString = " -> ", emptyValue = "", textBlock = """
      ${PORT}                  -> 9443
      ${PORT:8443}             -> 9443
      ${UNSET:8443}            -> 8443
      ${EMPTY:8443}            -> 8443
      ${UNSET:}                -> ''
      https://${HOST}:${PORT}  -> https://is.example:9443
      ${UNSET:http://a:8080}   -> http://a:8080
      $${PORT}                 -> ${PORT}
      a$$b                     -> a$$b
      $5 and $PORT             -> $5 and $PORT
      plain                    -> plain
      """)
  void substitutesEnvironmentVariablesWithDefaults(String raw, String expanded) {
    List<String> problems = new ArrayList<>();

    assertThat(new EnvSubstitution(ENV::get).expand(raw, problems)).contains(expanded);
    assertThat(problems).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " -> ", textBlock = """
      ${UNSET}        -> environment variable UNSET is not set and has no default (write ${UNSET:value} to give one)
      ${EMPTY}        -> environment variable EMPTY is empty and has no default (write ${EMPTY:value} to give one)
      ${PORT          -> unclosed "${" (write $${ for a literal "${")
      ${1X:a}         -> "${1X:a}" does not name an environment variable (letters, digits and _, not starting with a digit)
      """)
  void unresolvableReferenceIsAProblem(String raw, String message) {
    List<String> problems = new ArrayList<>();

    assertThat(new EnvSubstitution(ENV::get).expand(raw, problems)).isEmpty();
    assertThat(problems).containsExactly(message);
  }

  @Test
  void expandedValuesAreNotExpandedAgain() {
    List<String> problems = new ArrayList<>();

    assertThat(new EnvSubstitution(Map.of("A", "${B}", "B", "secret")::get).expand("${A}", problems))
        .contains("${B}");
  }

  @Test
  void unsetVariableWithoutDefaultNamesTheVariableAndKey() {
    List<ConfigProblem> problems = ConfigFixture.minimal(dir)
        .with("upstream.base-url", "${UPSTREAM_BASE_URL}")
        .with("listener.port", "${GATEWAY_PORT}")
        .problems();

    assertThat(problems).containsExactly(
        problem("listener.port", "environment variable GATEWAY_PORT is not set and has no default"
            + " (write ${GATEWAY_PORT:value} to give one)"),
        problem("upstream.base-url", "environment variable UPSTREAM_BASE_URL is not set and has no default"
            + " (write ${UPSTREAM_BASE_URL:value} to give one)"));
  }

  @Test
  void substitutesBeforeTyping() {
    GatewayConfig config = ConfigFixture.minimal(dir)
        .with("listener.port", "${GATEWAY_PORT:8443}")
        .with("upstream.base-url", "${UPSTREAM_BASE_URL:http://127.0.0.1:8080}")
        .with("upstream.tls", Map.of("verify-host", "${VERIFY:true}"))
        .with("upstream.base-url", "https://${IS_HOST:localhost}:8443")
        .env("GATEWAY_PORT", "9443")
        .env("IS_HOST", "is.example")
        .load();

    assertThat(config.listener().port()).isEqualTo(9443);
    assertThat(config.upstream().baseUrl()).isEqualTo(URI.create("https://is.example:8443"));
    assertThat(config.upstream().tls().verifyHost()).isTrue();
    assertThat(config.upstream().tls().clientCertificate()).isEqualTo(Optional.empty());
  }

  @Test
  void badExpandedValueShowsWhereItCameFrom() {
    assertThat(ConfigFixture.minimal(dir).with("listener.port", "${GATEWAY_PORT:8443}").env("GATEWAY_PORT", "84x3").problems())
        .containsExactly(problem("listener.port",
            "must be an integer between 1 and 65535, got \"84x3\" (from \"${GATEWAY_PORT:8443}\")"));
  }
}
