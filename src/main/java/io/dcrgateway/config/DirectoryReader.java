package io.dcrgateway.config;

import static io.dcrgateway.config.DirectoryConfig.DirectoryKeys.DEFAULT_FETCH_TIMEOUT;
import static io.dcrgateway.config.DirectoryConfig.DirectoryKeys.DEFAULT_MAX_STALENESS;
import static io.dcrgateway.config.DirectoryConfig.DirectoryKeys.DEFAULT_MIN_REFRESH_GAP;
import static io.dcrgateway.config.DirectoryConfig.DirectoryKeys.DEFAULT_REFRESH_INTERVAL;

import io.dcrgateway.config.DirectoryConfig.ClaimNames;
import io.dcrgateway.config.DirectoryConfig.DirectoryKeys;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** One entry of {@code registration.directories:}, a software statement issuer the gateway trusts. */
final class DirectoryReader {

  static final Duration MIN_REFRESH_INTERVAL = Duration.ofSeconds(10);
  static final Duration MAX_REFRESH_INTERVAL = Duration.ofHours(24);
  static final Duration MAX_MAX_STALENESS = Duration.ofHours(7 * 24);
  static final Duration MIN_MIN_REFRESH_GAP = Duration.ofSeconds(1);
  static final Duration MAX_MIN_REFRESH_GAP = Duration.ofHours(1);
  static final Duration MIN_FETCH_TIMEOUT = Duration.ofMillis(100);
  static final Duration MAX_FETCH_TIMEOUT = Duration.ofMinutes(1);
  static final Duration MIN_MAX_AGE = Duration.ofSeconds(1);
  static final Duration MAX_MAX_AGE = Duration.ofHours(1);
  static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(10);

  /** Directory names end up in audit records and metric labels: keep them plain. */
  private static final Pattern NAME = Pattern.compile("[a-z0-9-]+");
  private static final Pattern CLAIM_NAME = Pattern.compile("\\S+");
  /** Asymmetric JWS algorithms (RFC 7518 3.1, RFC 8037 3.1): a directory publishes public keys only. */
  private static final List<String> ALGORITHMS = List.of(
      "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "RS256", "RS384", "RS512", "EdDSA");
  private static final Pattern HMAC = Pattern.compile("HS(256|384|512)", Pattern.CASE_INSENSITIVE);
  private static final List<Map.Entry<String, ClaimNames>> PRESETS = List.of(
      Map.entry("open-finance-brasil", ClaimNames.OPEN_FINANCE_BRASIL),
      Map.entry("uk-open-banking", ClaimNames.UK_OPEN_BANKING));
  /** The keys of a claims mapping, in the order of {@link ClaimNames}' components. */
  private static final List<String> CLAIM_KEYS = List.of("software-id", "org-id", "redirect-uris", "jwks-uri",
      "roles", "statement-roles", "client-name", "client-uri", "logo-uri", "policy-uri", "tos-uri");
  private static final String JWKS_URL = "an absolute https URL without fragment (#) or credentials";

  private DirectoryReader() {
  }

  /**
   * @param names directory names seen so far
   * @param issuers issuers seen so far: a statement's {@code iss} must select one directory
   */
  static DirectoryConfig read(Section directory, DuplicateCheck names, DuplicateCheck issuers) {
    directory.keys("name", "issuer", "claims", "jwks-file", "jwks-url", "refresh-interval", "max-staleness",
        "min-refresh-gap", "fetch-timeout", "algorithms", "max-age", "clock-skew", "reject-replay");
    String name = null;
    if (directory.required("name", "lower-case letters, digits and -, unique among directories")) {
      name = directory.scalar("name")
          .flatMap(value -> value.matching(text -> NAME.matcher(text).matches(),
              "lower-case letters, digits and - only (it labels audit records and metrics)"))
          .filter(text -> names.isFirst(directory.context(), directory.keyOf("name"), text, text))
          .orElse(null);
    }
    String issuer = null;
    if (directory.required("issuer", "the exact iss of the directory's software statements")) {
      issuer = directory.scalar("issuer")
          .flatMap(value -> value.matching(text -> !text.isBlank(), "the exact iss of the directory's statements"))
          .filter(text -> issuers.isFirst(directory.context(), directory.keyOf("issuer"), text, text))
          .orElse(null);
    }
    ClaimNames claims = claims(directory);
    DirectoryKeys keys = keys(directory);
    List<String> algorithms = directory.scalars("algorithms")
        .map(values -> algorithms(directory, values))
        .orElse(DirectoryConfig.DEFAULT_ALGORITHMS);
    return new DirectoryConfig(
        name,
        issuer,
        keys,
        algorithms,
        directory.scalar("max-age").flatMap(age -> age.asDuration(MIN_MAX_AGE, MAX_MAX_AGE))
            .orElse(DirectoryConfig.DEFAULT_MAX_AGE),
        directory.scalar("clock-skew").flatMap(skew -> skew.asDuration(Duration.ZERO, MAX_CLOCK_SKEW))
            .orElse(DirectoryConfig.DEFAULT_CLOCK_SKEW),
        directory.scalar("reject-replay").flatMap(Scalar::asBoolean).orElse(DirectoryConfig.DEFAULT_REJECT_REPLAY),
        claims);
  }

  /** A preset's name, or a mapping of the names that differ from a preset. */
  private static ClaimNames claims(Section directory) {
    if (!directory.has("claims")) {
      return DirectoryConfig.DEFAULT_CLAIMS;
    }
    if (!directory.holdsMapping("claims")) {
      return directory.scalar("claims").flatMap(DirectoryReader::preset).orElse(DirectoryConfig.DEFAULT_CLAIMS);
    }
    Section mapping = directory.section("claims").orElseThrow();
    List<String> keys = new ArrayList<>(List.of("preset"));
    keys.addAll(CLAIM_KEYS);
    mapping.keys(keys.toArray(String[]::new));
    ClaimNames preset = mapping.scalar("preset").flatMap(DirectoryReader::preset)
        .orElse(DirectoryConfig.DEFAULT_CLAIMS);
    List<String> names = new ArrayList<>(components(preset));
    for (int i = 0; i < CLAIM_KEYS.size(); i++) {
      int index = i;
      mapping.scalar(CLAIM_KEYS.get(i))
          .flatMap(value -> value.matching(text -> CLAIM_NAME.matcher(text).matches(),
              "a claim name without spaces, e.g. " + names.get(index)))
          .ifPresent(claim -> names.set(index, claim));
    }
    return new ClaimNames(names.get(0), names.get(1), names.get(2), names.get(3), names.get(4), names.get(5),
        names.get(6), names.get(7), names.get(8), names.get(9), names.get(10));
  }

  private static Optional<ClaimNames> preset(Scalar value) {
    return value.asOneOf(PRESETS, Map.Entry::getKey).map(Map.Entry::getValue);
  }

  private static List<String> components(ClaimNames names) {
    return List.of(names.softwareId(), names.orgId(), names.redirectUris(), names.jwksUri(), names.roles(),
        names.statementRoles(), names.clientName(), names.clientUri(), names.logoUri(), names.policyUri(),
        names.tosUri());
  }

  private static DirectoryKeys keys(Section directory) {
    boolean hasUrl = directory.has("jwks-url");
    boolean hasFile = directory.has("jwks-file");
    if (hasUrl == hasFile) {
      directory.context().problem(directory.key(), (hasUrl ? "has both jwks-url and jwks-file; give one"
          : "needs jwks-url or jwks-file") + " (where the directory's signing keys are: its published key"
          + " set, or a local copy of it)");
    }
    Optional<URI> url = directory.scalar("jwks-url").flatMap(DirectoryReader::jwksUrl);
    Optional<Path> file = directory.scalar("jwks-file").flatMap(Scalar::asFile);
    Duration refreshInterval = directory.scalar("refresh-interval")
        .flatMap(interval -> interval.asDuration(MIN_REFRESH_INTERVAL, MAX_REFRESH_INTERVAL))
        .orElse(DEFAULT_REFRESH_INTERVAL);
    Optional<Scalar> staleness = directory.scalar("max-staleness");
    Duration maxStaleness = staleness
        .flatMap(value -> value.asDuration(MIN_REFRESH_INTERVAL, MAX_MAX_STALENESS))
        .orElse(DEFAULT_MAX_STALENESS);
    if (maxStaleness.compareTo(refreshInterval) < 0
        && !directory.context().hasProblemsAt(directory.keyOf("refresh-interval"))
        && !directory.context().hasProblemsAt(directory.keyOf("max-staleness"))) {
      // Keys would count as stale before the next refresh is even attempted. The default is
      // never below the longest refresh-interval, so only a written value gets here.
      staleness.ifPresent(value -> value.reject(
          "at least refresh-interval (" + DurationFormat.format(refreshInterval) + ")"));
    }
    return new DirectoryKeys(
        url,
        file,
        refreshInterval,
        maxStaleness,
        directory.scalar("min-refresh-gap")
            .flatMap(gap -> gap.asDuration(MIN_MIN_REFRESH_GAP, MAX_MIN_REFRESH_GAP))
            .orElse(DEFAULT_MIN_REFRESH_GAP),
        directory.scalar("fetch-timeout")
            .flatMap(timeout -> timeout.asDuration(MIN_FETCH_TIMEOUT, MAX_FETCH_TIMEOUT))
            .orElse(DEFAULT_FETCH_TIMEOUT));
  }

  /** Keys fetched over plain http could be swapped on the way; only a local test directory may use it. */
  private static Optional<URI> jwksUrl(Scalar value) {
    return HttpUrl.read(value, JWKS_URL).filter(url -> {
      if (url.getScheme().equals("http") && !HttpUrl.isLoopback(url)) {
        value.reject(JWKS_URL + " (http only to 127.0.0.1 or localhost: keys fetched in clear could be"
            + " replaced on the way)");
        return false;
      }
      return true;
    });
  }

  /** Reads each algorithm, reports repeats and an empty list; the default stands in on problems. */
  private static List<String> algorithms(Section directory, List<Scalar> values) {
    String key = directory.keyOf("algorithms");
    if (values.isEmpty() && !directory.context().hasProblemsAt(key)) {
      directory.context().problem(key, "must list at least one algorithm, or be left out for the default");
    }
    DuplicateCheck seen = new DuplicateCheck("; list each once");
    List<String> accepted = new ArrayList<>();
    for (Scalar value : values) {
      algorithm(value)
          .filter(text -> seen.isFirst(directory.context(), value.key(), text, text))
          .ifPresent(accepted::add);
    }
    return directory.context().hasProblemsAt(key) ? DirectoryConfig.DEFAULT_ALGORITHMS : accepted;
  }

  private static Optional<String> algorithm(Scalar value) {
    String text = value.text();
    if (text.toLowerCase(Locale.ROOT).equals("none")) {
      // RFC 8725 3.1: an unsecured JWS is exactly what an attacker would send.
      value.problem(text + " is not allowed: it means no signature, so anyone could write the statement");
      return Optional.empty();
    }
    if (HMAC.matcher(text).matches()) {
      // RFC 8725 3.1: HMAC with a published key as its secret lets anyone holding that key sign.
      value.problem(text + " is not allowed: HMAC signs with a symmetric key, which a directory shares"
          + " with nobody; it publishes public keys for asymmetric algorithms");
      return Optional.empty();
    }
    return value.matching(ALGORITHMS::contains, "a JWS algorithm: " + Scalar.alternatives(ALGORITHMS));
  }
}
