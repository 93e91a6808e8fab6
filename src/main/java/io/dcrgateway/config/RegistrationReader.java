package io.dcrgateway.config;

import io.dcrgateway.config.RegistrationConfig.SignedRequestForwarding;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code registration:}, what the gateway checks in a registration and whose statements it trusts. */
final class RegistrationReader {

  private static final String PUBLIC_BASE_URL =
      "an absolute https URL without query (?) or fragment (#), e.g. https://dcr.bank.example";

  private RegistrationReader() {
  }

  static RegistrationConfig read(Section registration) {
    registration.keys("profile", "public-base-url", "signed-requests", "audience", "directories", "profiles",
        "one-registration-per-software", "routes");
    Optional<Scalar> profile = registration.scalar("profile");
    Optional<URI> publicBaseUrl = registration.scalar("public-base-url").flatMap(RegistrationReader::publicBaseUrl);
    SignedRequestForwarding signedRequests = registration.scalar("signed-requests")
        .flatMap(value -> value.asOneOf(List.of(SignedRequestForwarding.values()), RegistrationReader::spelling))
        .orElse(RegistrationConfig.DEFAULT_SIGNED_REQUESTS);
    // UK-05: the ASPSP id, ^[0-9a-zA-Z]{1,18}$ in the OB directory; other ecosystems may use URLs.
    Optional<String> audience = registration.scalar("audience")
        .flatMap(value -> value.matching(text -> !text.isBlank() && text.length() <= 512,
            "this authorization server's id as TPPs put it in aud, 1 to 512 characters"));
    List<DirectoryConfig> directories = new ArrayList<>();
    DuplicateCheck directoryNames = new DuplicateCheck("; directory names must be unique");
    DuplicateCheck issuers = new DuplicateCheck("; a statement's iss must select one directory");
    registration.sections("directories").ifPresent(entries -> entries.forEach(
        entry -> directories.add(DirectoryReader.read(entry, directoryNames, issuers))));
    List<ProfileConfig> profiles = new ArrayList<>();
    DuplicateCheck profileNames = new DuplicateCheck("; profile names must be unique");
    registration.sections("profiles").ifPresent(entries -> entries.forEach(
        entry -> profiles.add(ProfileReader.read(entry, profileNames))));

    String chosen = profile.flatMap(value -> chosenProfile(registration, value, profiles))
        .orElse(RegistrationConfig.DEFAULT_PROFILE);
    checkStatementsCanBeVerified(registration, chosen, profiles, directories);
    List<RouteConfig> routes = new ArrayList<>();
    DuplicateCheck routePaths = new DuplicateCheck("; each route has its own path");
    registration.sections("routes").ifPresent(entries -> entries.forEach(entry -> {
      RouteConfig route = RouteReader.read(entry, routePaths);
      entry.scalar("profile").ifPresent(value -> chosenProfile(registration, value, profiles));
      routes.add(route);
    }));
    return new RegistrationConfig(chosen, publicBaseUrl, signedRequests, audience, directories, profiles,
        registration.section("one-registration-per-software").map(RegistrationReader::oneRegistration)
            .orElse(RegistrationConfig.OneRegistration.OFF), routes);
  }

  private static RegistrationConfig.OneRegistration oneRegistration(Section rule) {
    rule.keys("enabled", "error", "release-after");
    return new RegistrationConfig.OneRegistration(
        rule.scalar("enabled").flatMap(Scalar::asBoolean).orElse(false),
        rule.scalar("error").flatMap(e -> e.asOneOf(RegistrationConfig.OneRegistration.ERRORS, code -> code))
            .orElse(RegistrationConfig.OneRegistration.OFF.error()),
        rule.scalar("release-after").flatMap(d -> d.asDuration(java.time.Duration.ofMinutes(1),
            java.time.Duration.ofDays(3650))));
  }

  /** A built-in profile, or one defined in {@code profiles}. */
  private static Optional<String> chosenProfile(Section registration, Scalar value, List<ProfileConfig> profiles) {
    List<String> known = new ArrayList<>(RegistrationConfig.BUILT_IN_PROFILES);
    profiles.stream().map(ProfileConfig::name)
        .filter(name -> name != null && !known.contains(name))
        .forEach(known::add);
    if (known.contains(value.text())) {
      return Optional.of(value.text());
    }
    // A misspelt profile name would be reported twice: as itself and as the reference to it.
    boolean namesRead = profiles.stream().allMatch(defined -> defined.name() != null)
        && !registration.context().hasProblemsAt(registration.keyOf("profiles"));
    if (namesRead) {
      value.reject(Scalar.alternatives(known)
          + " (a built-in profile or one in " + registration.keyOf("profiles") + ")");
    }
    return Optional.empty();
  }

  /**
   * A profile that demands a software statement with no directory to verify one against would
   * refuse every registration. Built-in profiles are the policy package's to check.
   */
  private static void checkStatementsCanBeVerified(
      Section registration, String chosen, List<ProfileConfig> profiles, List<DirectoryConfig> directories) {
    String directoriesKey = registration.keyOf("directories");
    if (!directories.isEmpty() || registration.context().hasProblemsAt(directoriesKey)) {
      return;
    }
    profiles.stream()
        .filter(defined -> chosen.equals(defined.name()) && defined.requireSoftwareStatement())
        .findFirst()
        .ifPresent(defined -> registration.context().problem(directoriesKey, "must list at least one directory:"
            + " profile " + chosen + " (" + defined.key() + ") requires a software statement, and statements"
            + " are verified against a directory's keys"));
  }

  /** Drops trailing slashes, so base + path never has "//". */
  private static Optional<URI> publicBaseUrl(Scalar value) {
    return HttpUrl.read(value, PUBLIC_BASE_URL)
        .filter(url -> {
          if (!url.getScheme().equals("https") || url.getRawQuery() != null) {
            value.reject(PUBLIC_BASE_URL);
            return false;
          }
          return true;
        })
        .map(url -> URI.create(url.toString().replaceAll("/+$", "")));
  }

  static String spelling(SignedRequestForwarding forwarding) {
    return forwarding.name().toLowerCase(Locale.ROOT);
  }
}
