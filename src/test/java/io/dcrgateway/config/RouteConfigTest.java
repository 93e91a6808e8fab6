package io.dcrgateway.config;

import static io.dcrgateway.config.ConfigFixture.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.config.InitialAccessTokenConfig.Template;
import io.dcrgateway.config.InitialAccessTokenConfig.Validation;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** registration.routes: more registration endpoints, each with its profile and caller authentication (issue 9). */
class RouteConfigTest {

  private static final String ROUTE = "registration.routes[0]";
  private static final String TOKEN = ROUTE + ".initial-access-token";

  @TempDir
  Path dir;

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static Map<String, Object> jwt() {
    return map("validation", "jwt", "issuer", "https://is.example/realms/dcr", "audience", "dcr-gateway",
        "jwks-url", "https://is.example/realms/dcr/protocol/openid-connect/certs");
  }

  private static Map<String, Object> introspection() {
    return map("validation", "introspection",
        "introspection-url", "https://is.example/realms/dcr/protocol/openid-connect/token/introspect",
        "client-id", "dcr-gateway", "client-secret", "${DCR_INTROSPECTION_SECRET}");
  }

  private ConfigFixture withRoute(Map<String, Object> token) {
    return ConfigFixture.minimal(dir).env("DCR_INTROSPECTION_SECRET", "s3cret")
        .with("registration.routes", List.of(map("path", "/register/mobile", "profile", "generic",
            "client-certificate", "false", "initial-access-token", token)));
  }

  @Test
  void withoutRoutesOnlyTheListenersRouteIsServed() {
    assertThat(ConfigFixture.minimal(dir).load().registration().routes()).isEmpty();
  }

  @Test
  void aJwtRouteWithItsDefaults() {
    RouteConfig route = withRoute(jwt()).load().registration().routes().get(0);

    assertThat(route).isEqualTo(new RouteConfig("/register/mobile", "generic", false, Optional.of(
        new InitialAccessTokenConfig(Validation.JWT, Optional.of("https://is.example/realms/dcr"),
            Optional.of("dcr-gateway"), Optional.of(URI.create("https://is.example/realms/dcr/protocol/openid-connect/certs")),
            List.of("RS256", "PS256", "ES256"), Optional.empty(), Optional.empty(), Optional.empty(), "dcr",
            Duration.ofSeconds(60), Duration.ofSeconds(30), 10_000, Duration.ofSeconds(3), false, List.of()))));
  }

  @Test
  void aRouteWithATokenStillTakesTheClientCertificateUnlessToldNot() {
    RouteConfig route = ConfigFixture.minimal(dir)
        .with("registration.routes", List.of(map("path", "/register/partner", "profile", "generic",
            "initial-access-token", jwt())))
        .load().registration().routes().get(0);

    // Both: the partner's certificate (verified and forwarded) and its token.
    assertThat(route.clientCertificate()).isTrue();
    assertThat(route.initialAccessToken()).isPresent();
  }

  @Test
  void anIntrospectionRouteTakesItsSecretFromTheEnvironmentAndTemplates() {
    Map<String, Object> token = introspection();
    token.put("cache-ttl", "10s");
    token.put("one-registration-per-token", "true");
    token.put("templates", List.of(map("software-id", "partner-template", "clients", List.of("dcr-partner")),
        map("software-id", "beta", "claim", "groups", "values", List.of("beta-testers"))));

    InitialAccessTokenConfig config = withRoute(token).load().registration().routes().get(0)
        .initialAccessToken().orElseThrow();

    assertThat(config.validation()).isEqualTo(Validation.INTROSPECTION);
    assertThat(config.clientSecret()).contains("s3cret");
    assertThat(config.cacheTtl()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.onePerToken()).isTrue();
    assertThat(config.templates()).containsExactly(
        new Template("partner-template", List.of("dcr-partner"), Optional.empty(), List.of()),
        new Template("beta", List.of(), Optional.of("groups"), List.of("beta-testers")));
  }

  @Test
  void aJwtRouteNeedsIssuerAudienceAndKeys() {
    assertThat(withRoute(map("validation", "jwt")).problems()).containsExactly(
        problem(TOKEN + ".issuer", "is required (the exact iss of the identity server's access tokens)"),
        problem(TOKEN + ".audience", "is required (what the identity server puts in aud for the gateway"
            + " (RFC 9068 §4: a token for another resource must not be accepted))"),
        problem(TOKEN + ".jwks-url", "is required (the identity server's JWKS URL)"));
  }

  @Test
  void settingsOfTheOtherValidationAreErrors() {
    Map<String, Object> token = jwt();
    token.put("client-secret", "x");

    assertThat(withRoute(token).problems()).containsExactly(
        problem(TOKEN + ".client-secret", "does not apply to validation jwt; remove it"));
  }

  @Test
  void anIntrospectionRouteNeedsTheGatewaysCredentials() {
    assertThat(withRoute(map("validation", "introspection", "introspection-url", "https://is.example/i")).problems())
        .containsExactly(
            problem(TOKEN + ".client-id", "is required (the gateway's client id at the identity server, for"
                + " introspection)"),
            problem(TOKEN + ".client-secret", "is required (the gateway's client secret, e.g."
                + " ${DCR_INTROSPECTION_SECRET})"));
  }

  @Test
  void badValuesNameTheirKey() {
    Map<String, Object> token = jwt();
    token.put("validation", "opaque");
    token.put("jwks-url", "http://is.example/certs");
    token.put("algorithms", List.of("HS256"));
    token.put("scope", "dcr write");
    token.put("cache-size", "0");

    assertThat(withRoute(token).problems()).extracting(ConfigProblem::key).containsExactlyInAnyOrder(
        TOKEN + ".validation", TOKEN + ".jwks-url", TOKEN + ".algorithms[0]", TOKEN + ".scope",
        TOKEN + ".cache-size");
  }

  @Test
  void aRouteWithoutCertificateOrTokenAuthenticatesNobody() {
    ConfigFixture fixture = ConfigFixture.minimal(dir).with("registration.routes",
        List.of(map("path", "/register/open", "profile", "generic", "client-certificate", "false")));

    assertThat(fixture.problems()).containsExactly(problem(ROUTE, "authenticates nobody: with client-certificate"
        + " false it needs an initial-access-token section"));
  }

  @Test
  void aRouteCannotTakeOverTheListenersPathOrAnUnknownProfile() {
    ConfigFixture fixture = ConfigFixture.minimal(dir).with("registration.routes", List.of(
        map("path", "/register", "profile", "generic", "initial-access-token", jwt()),
        map("path", "/register/partner", "profile", "partnr", "initial-access-token", jwt())));

    assertThat(fixture.problems()).extracting(ConfigProblem::key).containsExactlyInAnyOrder(
        "registration.routes[0].path", "registration.routes[1].profile");
  }
}
