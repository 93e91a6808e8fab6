package io.dcrgateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What makes an initial access token (RFC 7591 §3) acceptable on a route: how it is validated,
 * the scope it must carry, and what it may register.
 *
 * @param validation a JWT access token checked locally (RFC 9068 style), or RFC 7662 introspection
 * @param issuer JWT: the exact {@code iss} (required); introspection: compared when the answer has one
 * @param audience JWT: one of {@code aud} (required); introspection: required in {@code aud} when set
 * @param jwksUrl JWT: the identity server's published keys
 * @param algorithms JWT: accepted signature algorithms, asymmetric only
 * @param introspectionUrl introspection: the identity server's RFC 7662 endpoint
 * @param clientId introspection: the gateway's own client at the identity server
 * @param clientSecret introspection: its secret (from the environment; never logged)
 * @param scope the scope the token must hold (RFC 6750 §3.1 {@code insufficient_scope} otherwise)
 * @param clockSkew tolerance for {@code exp} and {@code nbf}
 * @param cacheTtl introspection: how long an answer is reused (never beyond the token's {@code exp})
 * @param cacheSize introspection: at most this many answers are kept
 * @param timeout introspection and key fetches: how long the identity server may take
 * @param onePerToken a token registers one client: its {@code jti} is recorded until {@code exp}
 * @param templates the {@code software_id} templates tokens may register (templatized DCR)
 */
public record InitialAccessTokenConfig(
    Validation validation,
    Optional<String> issuer,
    Optional<String> audience,
    Optional<URI> jwksUrl,
    List<String> algorithms,
    Optional<URI> introspectionUrl,
    Optional<String> clientId,
    Optional<String> clientSecret,
    String scope,
    Duration clockSkew,
    Duration cacheTtl,
    int cacheSize,
    Duration timeout,
    boolean onePerToken,
    List<Template> templates) {

  public static final String DEFAULT_SCOPE = "dcr";
  public static final List<String> DEFAULT_ALGORITHMS = List.of("RS256", "PS256", "ES256");
  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
  public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(30);
  public static final int DEFAULT_CACHE_SIZE = 10_000;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

  public InitialAccessTokenConfig {
    algorithms = List.copyOf(algorithms);
    templates = List.copyOf(templates);
  }

  /** How the token is checked. */
  public enum Validation {
    JWT, INTROSPECTION
  }

  /**
   * A template client at the identity server, named by {@code software_id}, and who may register
   * from it: tokens of the listed clients, or tokens whose {@code claim} holds one of
   * {@code values} (a string claim equal to one, or an array containing one). Neither listed:
   * any token accepted on the route.
   */
  public record Template(String softwareId, List<String> clients, Optional<String> claim, List<String> values) {

    public Template {
      clients = List.copyOf(clients);
      values = List.copyOf(values);
    }
  }
}
