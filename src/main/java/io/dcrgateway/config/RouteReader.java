package io.dcrgateway.config;

import io.dcrgateway.config.InitialAccessTokenConfig.Template;
import io.dcrgateway.config.InitialAccessTokenConfig.Validation;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** One entry of {@code registration.routes:}, a registration endpoint with its own profile and caller authentication. */
final class RouteReader {

  static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(10);
  static final Duration MAX_CACHE_TTL = Duration.ofMinutes(5);
  static final Duration MIN_TIMEOUT = Duration.ofMillis(100);
  static final Duration MAX_TIMEOUT = Duration.ofMinutes(1);
  private static final List<String> ALGORITHMS = List.of(
      "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA");
  /** RFC 6749 §3.3 scope-token: printable ASCII without space, " and \. */
  private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");
  private static final String URL = "an absolute https URL without fragment (#) or credentials"
      + " (http only to 127.0.0.1 or localhost)";

  private RouteReader() {
  }

  static RouteConfig read(Section route, DuplicateCheck paths) {
    route.keys("path", "profile", "client-certificate", "initial-access-token");
    String path = null;
    if (route.required("path", "the route's registration path, e.g. /register/mobile")) {
      path = route.scalar("path").flatMap(RequestPath::read)
          .filter(text -> paths.isFirst(route.context(), route.keyOf("path"), text, text))
          .orElse(null);
    }
    String profile = route.required("profile", "the profile this route's registrations are checked against")
        ? route.scalar("profile").map(Scalar::text).orElse(null) : null;
    boolean certificate = route.scalar("client-certificate").flatMap(Scalar::asBoolean).orElse(true);
    Optional<InitialAccessTokenConfig> token = route.section("initial-access-token").map(RouteReader::token);
    if (!certificate && !route.has("initial-access-token")) {
      route.context().problem(route.key(), "authenticates nobody: with client-certificate false it needs an"
          + " initial-access-token section");
    }
    return new RouteConfig(path, profile, certificate, token);
  }

  private static InitialAccessTokenConfig token(Section token) {
    token.keys("validation", "issuer", "audience", "jwks-url", "algorithms", "introspection-url", "client-id",
        "client-secret", "scope", "clock-skew", "cache-ttl", "cache-size", "timeout", "one-registration-per-token",
        "templates");
    Optional<Validation> read = token.required("validation", "jwt or introspection")
        ? token.scalar("validation").flatMap(v -> v.asOneOf(List.of(Validation.values()), RouteReader::spelling))
        : Optional.empty();
    Validation validation = read.orElse(Validation.JWT);
    Optional<String> issuer = token.scalar("issuer")
        .flatMap(v -> v.matching(text -> !text.isBlank(), "the exact iss of the identity server's tokens"));
    Optional<String> audience = token.scalar("audience")
        .flatMap(v -> v.matching(text -> !text.isBlank(), "the audience the identity server puts in aud for the gateway"));
    Optional<URI> jwksUrl = token.scalar("jwks-url").flatMap(RouteReader::url);
    Optional<URI> introspectionUrl = token.scalar("introspection-url").flatMap(RouteReader::url);
    Optional<String> clientId = token.scalar("client-id")
        .flatMap(v -> v.matching(text -> !text.isBlank(), "the gateway's client id at the identity server"));
    Optional<String> clientSecret = token.scalar("client-secret").flatMap(RouteReader::secret);
    // Which keys are required or out of place depends on a validation that could be read.
    if (read.isPresent() && validation == Validation.JWT) {
      token.required("issuer", "the exact iss of the identity server's access tokens");
      token.required("audience", "what the identity server puts in aud for the gateway (RFC 9068 §4:"
          + " a token for another resource must not be accepted)");
      token.required("jwks-url", "the identity server's JWKS URL");
      notFor(token, "jwt", "introspection-url", "client-id", "client-secret", "cache-ttl", "cache-size");
    } else if (read.isPresent()) {
      token.required("introspection-url", "the identity server's RFC 7662 introspection endpoint");
      token.required("client-id", "the gateway's client id at the identity server, for introspection");
      token.required("client-secret", "the gateway's client secret, e.g. ${DCR_INTROSPECTION_SECRET}");
      notFor(token, "introspection", "jwks-url", "algorithms");
    }
    List<String> algorithms = token.scalars("algorithms")
        .map(values -> algorithms(token, values))
        .orElse(InitialAccessTokenConfig.DEFAULT_ALGORITHMS);
    String scope = token.scalar("scope")
        .flatMap(v -> v.matching(text -> SCOPE_TOKEN.matcher(text).matches(),
            "one scope token (RFC 6749 §3.3: no spaces or quotes), e.g. dcr"))
        .orElse(InitialAccessTokenConfig.DEFAULT_SCOPE);
    List<Template> templates = new ArrayList<>();
    DuplicateCheck softwareIds = new DuplicateCheck("; list each template once");
    token.sections("templates").ifPresent(entries -> entries.forEach(
        entry -> template(entry, softwareIds).ifPresent(templates::add)));
    return new InitialAccessTokenConfig(validation, issuer, audience, jwksUrl, algorithms, introspectionUrl,
        clientId, clientSecret, scope,
        token.scalar("clock-skew").flatMap(v -> v.asDuration(Duration.ZERO, MAX_CLOCK_SKEW))
            .orElse(InitialAccessTokenConfig.DEFAULT_CLOCK_SKEW),
        token.scalar("cache-ttl").flatMap(v -> v.asDuration(Duration.ZERO, MAX_CACHE_TTL))
            .orElse(InitialAccessTokenConfig.DEFAULT_CACHE_TTL),
        token.scalar("cache-size").flatMap(v -> v.asInt(1, 1_000_000))
            .orElse(InitialAccessTokenConfig.DEFAULT_CACHE_SIZE),
        token.scalar("timeout").flatMap(v -> v.asDuration(MIN_TIMEOUT, MAX_TIMEOUT))
            .orElse(InitialAccessTokenConfig.DEFAULT_TIMEOUT),
        token.scalar("one-registration-per-token").flatMap(Scalar::asBoolean).orElse(false),
        templates);
  }

  /** Keys of the other validation would do nothing: an operator who wrote them expects them to. */
  private static void notFor(Section token, String validation, String... keys) {
    for (String key : keys) {
      if (token.has(key)) {
        token.context().problem(token.keyOf(key), "does not apply to validation " + validation + "; remove it");
      }
    }
  }

  private static Optional<Template> template(Section template, DuplicateCheck softwareIds) {
    template.keys("software-id", "clients", "claim", "values");
    if (!template.required("software-id", "the software_id naming the template client at the identity server")) {
      return Optional.empty();
    }
    Optional<String> softwareId = template.scalar("software-id")
        .flatMap(v -> v.matching(text -> !text.isBlank(), "a software_id"))
        .filter(text -> softwareIds.isFirst(template.context(), template.keyOf("software-id"), text, text));
    List<String> clients = template.scalars("clients")
        .map(values -> values.stream().map(Scalar::text).toList()).orElse(List.of());
    Optional<String> claim = template.scalar("claim")
        .flatMap(v -> v.matching(text -> !text.isBlank() && !text.contains(" "), "a claim name without spaces"));
    List<String> values = template.scalars("values")
        .map(list -> list.stream().map(Scalar::text).toList()).orElse(List.of());
    if (claim.isPresent() != template.has("values")) {
      template.context().problem(template.key(), "claim and values go together: the token's claim must hold one"
          + " of the values");
    }
    return softwareId.map(id -> new Template(id, clients, claim, values));
  }

  private static List<String> algorithms(Section token, List<Scalar> values) {
    if (values.isEmpty()) {
      token.context().problem(token.keyOf("algorithms"), "must list at least one algorithm, or be left out for"
          + " the default");
    }
    List<String> accepted = new ArrayList<>();
    for (Scalar value : values) {
      // RFC 8725 §3.1/§3.2: no alg none, and no HMAC (the gateway holds no shared secret with the IS).
      value.asOneOf(ALGORITHMS, a -> a).ifPresent(accepted::add);
    }
    return accepted.isEmpty() ? InitialAccessTokenConfig.DEFAULT_ALGORITHMS : accepted;
  }

  /** Keys or token answers fetched in clear could be replaced on the way; only a local identity server may use http. */
  private static Optional<URI> url(Scalar value) {
    return HttpUrl.read(value, URL).filter(url -> {
      if (url.getScheme().equals("http") && !HttpUrl.isLoopback(url)) {
        value.reject(URL);
        return false;
      }
      return true;
    });
  }

  /** The value is never echoed: it is a credential. */
  private static Optional<String> secret(Scalar value) {
    if (value.text().isBlank()) {
      value.problem("must not be empty (set it from the environment, e.g. ${DCR_INTROSPECTION_SECRET})");
      return Optional.empty();
    }
    return Optional.of(value.text());
  }

  static String spelling(Validation validation) {
    return validation.name().toLowerCase(Locale.ROOT);
  }
}
