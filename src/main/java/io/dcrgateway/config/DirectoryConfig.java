package io.dcrgateway.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A software statement issuer the gateway trusts (an ecosystem directory), selected by the SSA's
 * {@code iss}. Each directory has its own keys, algorithms, freshness rules and claim names.
 *
 * @param issuer the exact {@code iss} value of its statements
 * @param algorithms JWS algorithms accepted, e.g. [PS256]; never {@code none} or HS*
 * @param maxAge how old {@code iat} may be (OFB DCR 7.1-3: 5 minutes)
 * @param clockSkew tolerance for {@code iat} in the future and {@code exp} in the past
 * @param rejectReplay a {@code jti} seen before (same directory, same operation) is refused
 */
public record DirectoryConfig(
    String name,
    String issuer,
    DirectoryKeys keys,
    List<String> algorithms,
    Duration maxAge,
    Duration clockSkew,
    boolean rejectReplay,
    ClaimNames claims) {

  /** FAPI 1 Advanced 8.6 signs with PS256 (or ES256); Open Finance Brasil directories use PS256. */
  public static final List<String> DEFAULT_ALGORITHMS = List.of("PS256");
  /** OFB DCR 7.1-3: a software statement is accepted up to 5 minutes after its iat. */
  public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(5);
  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
  public static final boolean DEFAULT_REJECT_REPLAY = true;
  public static final ClaimNames DEFAULT_CLAIMS = ClaimNames.OPEN_FINANCE_BRASIL;

  public DirectoryConfig {
    algorithms = List.copyOf(algorithms);
  }

  /**
   * Exactly one of url and file.
   *
   * @param refreshInterval how often the key set is fetched again
   * @param maxStaleness how long the last key set fetched is still used while fetching fails
   * @param minRefreshGap the least time between two fetches, so statements with unknown
   *     {@code kid}s cannot make the gateway hammer the directory
   */
  public record DirectoryKeys(
      Optional<URI> url,
      Optional<Path> file,
      Duration refreshInterval,
      Duration maxStaleness,
      Duration minRefreshGap,
      Duration fetchTimeout) {

    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofMinutes(10);
    public static final Duration DEFAULT_MAX_STALENESS = Duration.ofHours(24);
    public static final Duration DEFAULT_MIN_REFRESH_GAP = Duration.ofSeconds(30);
    public static final Duration DEFAULT_FETCH_TIMEOUT = Duration.ofSeconds(5);
  }

  /**
   * Where a directory puts each fact in its statements. Open Finance Brasil and UK Open Banking
   * differ (e.g. {@code software_jwks_uri} vs {@code software_jwks_endpoint}).
   */
  public record ClaimNames(
      String softwareId,
      String orgId,
      String redirectUris,
      String jwksUri,
      String roles,
      String statementRoles,
      String clientName,
      String clientUri,
      String logoUri,
      String policyUri,
      String tosUri) {

    public static final ClaimNames OPEN_FINANCE_BRASIL = new ClaimNames(
        "software_id", "org_id", "software_redirect_uris", "software_jwks_uri", "software_roles",
        "software_statement_roles", "software_client_name", "software_client_uri",
        "software_logo_uri", "software_policy_uri", "software_tos_uri");

    public static final ClaimNames UK_OPEN_BANKING = new ClaimNames(
        "software_id", "org_id", "software_redirect_uris", "software_jwks_endpoint", "software_roles",
        "software_statement_roles", "software_client_name", "software_client_uri",
        "software_logo_uri", "software_policy_uri", "software_tos_uri");
  }
}
