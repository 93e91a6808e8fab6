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
 */
public record RegistrationConfig(
    String profile,
    Optional<URI> publicBaseUrl,
    SignedRequestForwarding signedRequests,
    Optional<String> audience,
    List<DirectoryConfig> directories,
    List<ProfileConfig> profiles) {

  public static final String DEFAULT_PROFILE = "generic";
  /** The profiles the gateway ships; {@code profiles} may override them by name. */
  public static final List<String> BUILT_IN_PROFILES = List.of("open-finance-brasil", "uk-open-banking", "generic");
  public static final SignedRequestForwarding DEFAULT_SIGNED_REQUESTS = SignedRequestForwarding.CLAIMS;

  public RegistrationConfig {
    directories = List.copyOf(directories);
    profiles = List.copyOf(profiles);
  }

  public enum SignedRequestForwarding {
    /** The TPP's JWS as received ({@code application/jose}). */
    ORIGINAL,
    /** Its verified claims as a JSON object ({@code application/json}), for servers that only take JSON. */
    CLAIMS
  }
}
