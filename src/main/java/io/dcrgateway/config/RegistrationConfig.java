package io.dcrgateway.config;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What the gateway checks in a registration before the identity server sees it.
 *
 * @param profile the rule profile applied on the listener: a built-in one
 *     ({@code open-finance-brasil}, {@code uk-open-banking}, {@code generic}) or one in {@code profiles}
 * @param publicBaseUrl where TPPs reach the gateway, e.g. {@code https://dcr.bank.example}; the
 *     identity server's {@code registration_client_uri} is rewritten onto it so management calls
 *     come through the gateway. Empty: derived from the request's Host.
 * @param signedRequests for a TPP-signed request JWT (UK), what the identity server receives
 * @param audience this authorization server's id, which a TPP-signed request JWT's {@code aud}
 *     must name (UK DCR: the ASPSP's id); empty: {@code aud} must be present but is not compared
 * @param directories the software statement issuers trusted, selected by {@code iss}
 * @param profiles profiles defined (or built-ins overridden) in this file
 * @param oneRegistration SPEC BR-18: at most one client per software, registered through the gateway
 * @param routes registration endpoints besides the listener's own (which keeps {@code profile} and
 *     its client certificate), e.g. a mobile route taking initial access tokens; empty by default
 */
public record RegistrationConfig(
    String profile,
    Optional<URI> publicBaseUrl,
    SignedRequestForwarding signedRequests,
    Optional<String> audience,
    List<DirectoryConfig> directories,
    List<ProfileConfig> profiles,
    OneRegistration oneRegistration,
    List<RouteConfig> routes) {

  /** Only the listener's registration route. */
  public RegistrationConfig(String profile, Optional<URI> publicBaseUrl, SignedRequestForwarding signedRequests,
      Optional<String> audience, List<DirectoryConfig> directories, List<ProfileConfig> profiles,
      OneRegistration oneRegistration) {
    this(profile, publicBaseUrl, signedRequests, audience, directories, profiles, oneRegistration, List.of());
  }

  /** Without the one-registration-per-software rule. */
  public RegistrationConfig(String profile, Optional<URI> publicBaseUrl, SignedRequestForwarding signedRequests,
      Optional<String> audience, List<DirectoryConfig> directories, List<ProfileConfig> profiles) {
    this(profile, publicBaseUrl, signedRequests, audience, directories, profiles, OneRegistration.OFF);
  }

  /**
   * "Multiple DCR registrations for the same Software Statement should not be allowed" (OFB DCR
   * 9.3.1-5, SPEC BR-18): a software with a client registered through the gateway is refused a
   * second one until that client is deleted through the gateway. Off by default: a TPP whose
   * cleanup failed (or that lost its client_id) is locked out until {@code releaseAfter} passes or
   * an operator removes the entry, and conformance suites register a fresh client per test.
   *
   * @param error the RFC 7591 error code of the refusal (the specification leaves it open)
   * @param releaseAfter how long the registration blocks another; empty: until deleted
   */
  public record OneRegistration(boolean enabled, String error, Optional<java.time.Duration> releaseAfter) {
    public static final OneRegistration OFF = new OneRegistration(false, "invalid_client_metadata", Optional.empty());
    public static final List<String> ERRORS = List.of("invalid_client_metadata", "unapproved_software_statement");
  }

  public static final String DEFAULT_PROFILE = "generic";
  /** The profiles the gateway ships; {@code profiles} may override them by name. */
  public static final List<String> BUILT_IN_PROFILES = List.of("open-finance-brasil", "uk-open-banking", "generic");
  public static final SignedRequestForwarding DEFAULT_SIGNED_REQUESTS = SignedRequestForwarding.CLAIMS;

  public RegistrationConfig {
    directories = List.copyOf(directories);
    profiles = List.copyOf(profiles);
    routes = List.copyOf(routes);
  }

  /** The same registration settings with {@code routes} instead. */
  public RegistrationConfig withRoutes(List<RouteConfig> routes) {
    return new RegistrationConfig(profile, publicBaseUrl, signedRequests, audience, directories, profiles,
        oneRegistration, routes);
  }

  public enum SignedRequestForwarding {
    /** The TPP's JWS as received ({@code application/jose}). */
    ORIGINAL,
    /** Its verified claims as a JSON object ({@code application/json}), for servers that only take JSON. */
    CLAIMS
  }
}
