package io.dcrgateway.config;

import static io.dcrgateway.config.ConfigFixture.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.dcrgateway.config.DirectoryConfig.ClaimNames;
import io.dcrgateway.config.DirectoryConfig.DirectoryKeys;
import io.dcrgateway.config.ProfileConfig.RuleConfig;
import io.dcrgateway.config.RegistrationConfig.SignedRequestForwarding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** registration: the profile applied, the directories whose software statements are trusted, profiles as data. */
class RegistrationConfigTest {

  private static final String ISSUER = "Open Banking Open Banking Brasil sandbox SSA issuer";
  private static final String DIRECTORY = "registration.directories[0]";

  @TempDir
  Path dir;

  @Test
  void withoutARegistrationSectionTheGenericProfileAppliesWithNoDirectory() {
    RegistrationConfig registration = ConfigFixture.minimal(dir).load().registration();

    assertThat(registration).isEqualTo(new RegistrationConfig(
        "generic", Optional.empty(), SignedRequestForwarding.CLAIMS, Optional.empty(), List.of(), List.of()));
  }

  @Test
  void audienceIsTheAuthorizationServersIdForSignedRequests() {
    RegistrationConfig registration = ConfigFixture.minimal(dir).with("registration.audience", "bank1").load()
        .registration();

    assertThat(registration.audience()).contains("bank1");
  }

  @Test
  void directoryDefaultsFollowOpenFinanceBrasil() {
    DirectoryConfig directory = withDirectory().load().registration().directories().get(0);

    assertThat(directory).isEqualTo(new DirectoryConfig(
        "dev-directory",
        ISSUER,
        new DirectoryKeys(Optional.empty(), Optional.of(dir.resolve("jwks.json")),
            Duration.ofMinutes(10), Duration.ofHours(24), Duration.ofSeconds(30), Duration.ofSeconds(5)),
        List.of("PS256"),
        Duration.ofSeconds(300),
        Duration.ofSeconds(60),
        true,
        ClaimNames.OPEN_FINANCE_BRASIL));
  }

  @Test
  void readsEveryKeyOfADirectory() {
    RegistrationConfig registration = withDirectory()
        .with("registration.profile", "uk-open-banking")
        .with("registration.public-base-url", "HTTPS://dcr.bank.example/gateway/")
        .with("registration.signed-requests", "claims")
        .without(DIRECTORY + ".jwks-file")
        .with(DIRECTORY + ".jwks-url", "https://keystore.example/openbanking.jwks")
        .with(DIRECTORY + ".refresh-interval", "1h")
        .with(DIRECTORY + ".max-staleness", "1h")
        .with(DIRECTORY + ".min-refresh-gap", "1s")
        .with(DIRECTORY + ".fetch-timeout", "100ms")
        .with(DIRECTORY + ".algorithms", List.of("ES256", "PS256"))
        .with(DIRECTORY + ".max-age", "1h")
        .with(DIRECTORY + ".clock-skew", "0s")
        .with(DIRECTORY + ".reject-replay", "false")
        .with(DIRECTORY + ".claims", "uk-open-banking")
        .load().registration();

    assertThat(registration.profile()).isEqualTo("uk-open-banking");
    assertThat(registration.publicBaseUrl()).contains(URI.create("https://dcr.bank.example/gateway"));
    assertThat(registration.signedRequests()).isEqualTo(SignedRequestForwarding.CLAIMS);
    assertThat(registration.directories()).singleElement().isEqualTo(new DirectoryConfig(
        "dev-directory",
        ISSUER,
        new DirectoryKeys(Optional.of(URI.create("https://keystore.example/openbanking.jwks")), Optional.empty(),
            Duration.ofHours(1), Duration.ofHours(1), Duration.ofSeconds(1), Duration.ofMillis(100)),
        List.of("ES256", "PS256"),
        Duration.ofHours(1),
        Duration.ZERO,
        false,
        ClaimNames.UK_OPEN_BANKING));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '\'', textBlock = """
      registration.profile => ofb => must be open-finance-brasil, uk-open-banking or generic (a built-in profile or one in registration.profiles), got "ofb"
      registration.public-base-url => http://dcr.bank.example => must be an absolute https URL without query (?) or fragment (#), e.g. https://dcr.bank.example, got "http://dcr.bank.example"
      registration.public-base-url => dcr.bank.example => must be an absolute https URL without query (?) or fragment (#), e.g. https://dcr.bank.example, got "dcr.bank.example"
      registration.public-base-url => https://dcr.bank.example/?a=1 => must be an absolute https URL without query (?) or fragment (#), e.g. https://dcr.bank.example, got "https://dcr.bank.example/?a=1"
      registration.public-base-url => https://dcr.bank.example#top => must be an absolute https URL without query (?) or fragment (#), e.g. https://dcr.bank.example, got "https://dcr.bank.example#top"
      registration.public-base-url => https://u:secret@dcr.bank.example => must not contain credentials (user:password@)
      registration.signed-requests => jwt => must be original or claims, got "jwt"
      registration.directories[0].name => Dev_Directory => must be lower-case letters, digits and - only (it labels audit records and metrics), got "Dev_Directory"
      registration.directories[0].issuer => ' ' => must be the exact iss of the directory's statements, got " "
      registration.directories[0].claims => obie => must be open-finance-brasil or uk-open-banking, got "obie"
      registration.directories[0].refresh-interval => 5s => must be between 10s and 24h, got "5s"
      registration.directories[0].refresh-interval => 25h => must be between 10s and 24h, got "25h"
      registration.directories[0].max-staleness => 200h => must be between 10s and 168h, got "200h"
      registration.directories[0].max-staleness => 5m => must be at least refresh-interval (10m), got "5m"
      registration.directories[0].min-refresh-gap => 500ms => must be between 1s and 1h, got "500ms"
      registration.directories[0].fetch-timeout => 2m => must be between 100ms and 1m, got "2m"
      registration.directories[0].fetch-timeout => 10ms => must be between 100ms and 1m, got "10ms"
      registration.directories[0].max-age => 2h => must be between 1s and 1h, got "2h"
      registration.directories[0].max-age => 300 => must be a duration with a unit (ms, s, m or h) between 1s and 1h, e.g. 300s, got "300"
      registration.directories[0].clock-skew => 11m => must be between 0s and 10m, got "11m"
      registration.directories[0].reject-replay => yes => must be true or false, got "yes"
      """)
  void rejectsValueWithItsKey(String key, String value, String message) {
    assertThat(withDirectory().with(key, value).problems()).containsExactly(problem(key, message));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", textBlock = """
      none => [0] => none is not allowed: it means no signature, so anyone could write the statement
      PS256 NONE => [1] => NONE is not allowed: it means no signature, so anyone could write the statement
      HS256 => [0] => HS256 is not allowed: HMAC signs with a symmetric key, which a directory shares with nobody; it publishes public keys for asymmetric algorithms
      PS256 HS384 => [1] => HS384 is not allowed: HMAC signs with a symmetric key, which a directory shares with nobody; it publishes public keys for asymmetric algorithms
      hs512 => [0] => hs512 is not allowed: HMAC signs with a symmetric key, which a directory shares with nobody; it publishes public keys for asymmetric algorithms
      ps256 => [0] => must be a JWS algorithm: PS256, PS384, PS512, ES256, ES384, ES512, RS256, RS384, RS512 or EdDSA, got "ps256"
      PS256 PS256 => [1] => "PS256" is already given at registration.directories[0].algorithms[0]; list each once
      """)
  void rejectsAlgorithmsThatProveNothingWithTheReason(String algorithms, String index, String message) {
    List<ConfigProblem> problems = withDirectory()
        .with(DIRECTORY + ".algorithms", Arrays.asList(algorithms.split(" ")))
        .problems();

    assertThat(problems).containsExactly(problem(DIRECTORY + ".algorithms" + index, message));
  }

  @Test
  void algorithmListMustNotBeEmpty() {
    assertThat(withDirectory().with(DIRECTORY + ".algorithms", List.of()).problems()).containsExactly(
        problem(DIRECTORY + ".algorithms", "must list at least one algorithm, or be left out for the default"));
  }

  @Test
  void acceptsEveryAsymmetricAlgorithm() {
    List<String> all = List.of("PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "RS256", "RS384", "RS512", "EdDSA");

    DirectoryConfig directory = withDirectory().with(DIRECTORY + ".algorithms", all).load()
        .registration().directories().get(0);

    assertThat(directory.algorithms()).isEqualTo(all);
  }

  @Test
  void directoryWithBothJwksUrlAndJwksFileIsAProblem() {
    assertThat(withDirectory().with(DIRECTORY + ".jwks-url", "https://keystore.example/jwks").problems())
        .containsExactly(problem(DIRECTORY, "has both jwks-url and jwks-file; give one (where the directory's"
            + " signing keys are: its published key set, or a local copy of it)"));
  }

  @Test
  void directoryWithNeitherJwksUrlNorJwksFileIsAProblem() {
    assertThat(withDirectory().without(DIRECTORY + ".jwks-file").problems())
        .containsExactly(problem(DIRECTORY, "needs jwks-url or jwks-file (where the directory's"
            + " signing keys are: its published key set, or a local copy of it)"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://keystore.sandbox.directory.openbankingbrasil.org.br/openbanking.jwks",
      "HTTPS://keystore.example:8443/keys?tenant=a",
      "http://127.0.0.1:8081/jwks.json",
      "http://localhost/jwks.json",
      "http://[::1]:8081/jwks.json"})
  void jwksUrlIsHttpsOrLoopbackHttp(String url) {
    DirectoryConfig directory = withDirectory().without(DIRECTORY + ".jwks-file").with(DIRECTORY + ".jwks-url", url)
        .load().registration().directories().get(0);

    assertThat(directory.keys().url()).hasValueSatisfying(
        uri -> assertThat(uri.toString()).isEqualToIgnoringCase(url));
    assertThat(directory.keys().file()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", textBlock = """
      http://keystore.example/jwks.json => must be an absolute https URL without fragment (#) or credentials (http only to 127.0.0.1 or localhost: keys fetched in clear could be replaced on the way), got "http://keystore.example/jwks.json"
      http://10.0.0.5/jwks.json => must be an absolute https URL without fragment (#) or credentials (http only to 127.0.0.1 or localhost: keys fetched in clear could be replaced on the way), got "http://10.0.0.5/jwks.json"
      ftp://keystore.example/jwks.json => must be an absolute https URL without fragment (#) or credentials, got "ftp://keystore.example/jwks.json"
      keystore.example/jwks.json => must be an absolute https URL without fragment (#) or credentials, got "keystore.example/jwks.json"
      https://keystore.example/jwks.json#k1 => must be an absolute https URL without fragment (#) or credentials, got "https://keystore.example/jwks.json#k1"
      https://u:p@keystore.example/jwks.json => must not contain credentials (user:password@)
      """)
  void rejectsJwksUrlThatCouldServeSomeoneElsesKeys(String url, String message) {
    assertThat(withDirectory().without(DIRECTORY + ".jwks-file").with(DIRECTORY + ".jwks-url", url).problems())
        .containsExactly(problem(DIRECTORY + ".jwks-url", message));
  }

  @Test
  void jwksFileMustExist() {
    assertThat(withDirectory().with(DIRECTORY + ".jwks-file", "keys/gone.json").problems())
        .containsExactly(problem(DIRECTORY + ".jwks-file", "file not found: " + dir.resolve("keys/gone.json")));
  }

  @Test
  void jwksFileUnderTheDevPkiDirectoryMayNotExistYet() {
    DirectoryConfig directory = withDirectory()
        .with(DIRECTORY + ".jwks-file", "pki/directory/jwks.json")
        .with("dev.generate-pki", "pki")
        .load().registration().directories().get(0);

    assertThat(directory.keys().file()).contains(dir.resolve("pki/directory/jwks.json"));
  }

  @Test
  void directoryNamesAndIssuersAreUnique() {
    ConfigFixture fixture = withDirectory().with("registration.directories", new ArrayList<>(List.of(
        directory("dev-directory", ISSUER),
        directory("dev-directory", "another issuer"),
        directory("third", ISSUER))));

    assertThat(fixture.problems()).containsExactly(
        problem("registration.directories[1].name",
            "\"dev-directory\" is already given at registration.directories[0].name; directory names must be unique"),
        problem("registration.directories[2].issuer", "\"" + ISSUER + "\" is already given at"
            + " registration.directories[0].issuer; a statement's iss must select one directory"));
  }

  @Test
  void directoryNeedsNameAndIssuer() {
    assertThat(withDirectory().without(DIRECTORY + ".name").without(DIRECTORY + ".issuer").problems())
        .containsExactly(
            problem(DIRECTORY + ".name", "is required (lower-case letters, digits and -, unique among directories)"),
            problem(DIRECTORY + ".issuer", "is required (the exact iss of the directory's software statements)"));
  }

  @Test
  void unknownDirectoryKeySuggestsTheNearest() {
    assertThat(withDirectory().with(DIRECTORY + ".max_staleness", "1h").problems())
        .containsExactly(problem(DIRECTORY + ".max_staleness", "unknown key (did you mean 'max-staleness'?)"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"open-finance-brasil, software_jwks_uri", "uk-open-banking, software_jwks_endpoint"})
  void claimsPresetNamesTheEcosystem(String preset, String jwksUriClaim) {
    ClaimNames claims = withDirectory().with(DIRECTORY + ".claims", preset).load()
        .registration().directories().get(0).claims();

    assertThat(claims.jwksUri()).isEqualTo(jwksUriClaim);
  }

  @Test
  void claimsMappingOverridesSingleNamesOfItsPreset() {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("preset", "uk-open-banking");
    claims.put("org-id", "organisation_id");
    claims.put("tos-uri", "terms_uri");

    ClaimNames names = withDirectory().with(DIRECTORY + ".claims", claims).load()
        .registration().directories().get(0).claims();

    ClaimNames uk = ClaimNames.UK_OPEN_BANKING;
    assertThat(names).isEqualTo(new ClaimNames(uk.softwareId(), "organisation_id", uk.redirectUris(), uk.jwksUri(),
        uk.roles(), uk.statementRoles(), uk.clientName(), uk.clientUri(), uk.logoUri(), uk.policyUri(), "terms_uri"));
  }

  @Test
  void claimsMappingWithoutPresetStartsFromOpenFinanceBrasil() {
    ClaimNames names = withDirectory().with(DIRECTORY + ".claims", Map.of("software-id", "sid")).load()
        .registration().directories().get(0).claims();

    assertThat(names.softwareId()).isEqualTo("sid");
    assertThat(names.jwksUri()).isEqualTo(ClaimNames.OPEN_FINANCE_BRASIL.jwksUri());
  }

  @Test
  void claimsMappingReportsUnknownKeysAndBadNames() {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("preset", "obie");
    claims.put("jwks_uri", "software_jwks_uri");
    claims.put("roles", "software roles");

    assertThat(withDirectory().with(DIRECTORY + ".claims", claims).problems()).containsExactly(
        problem(DIRECTORY + ".claims.jwks_uri", "unknown key (did you mean 'jwks-uri'?)"),
        problem(DIRECTORY + ".claims.preset", "must be open-finance-brasil or uk-open-banking, got \"obie\""),
        problem(DIRECTORY + ".claims.roles",
            "must be a claim name without spaces, e.g. software_roles, got \"software roles\""));
  }

  @Test
  void profileDefinedInTheFileMayBeChosen() {
    RegistrationConfig registration = withDirectory()
        .with("registration.profile", "my-ofb")
        .with("registration.profiles", List.of(Map.of("name", "my-ofb", "rules", List.of())))
        .load().registration();

    assertThat(registration.profile()).isEqualTo("my-ofb");
    assertThat(registration.profiles()).containsExactly(
        new ProfileConfig("my-ofb", "registration.profiles[0]", false, true, List.of()));
  }

  @Test
  void unknownProfileNameListsBuiltInAndDefinedOnes() {
    ConfigFixture fixture = withDirectory()
        .with("registration.profile", "my-ofbb")
        .with("registration.profiles", List.of(Map.of("name", "my-ofb", "rules", List.of())));

    assertThat(fixture.problems()).containsExactly(problem("registration.profile",
        "must be open-finance-brasil, uk-open-banking, generic or my-ofb"
            + " (a built-in profile or one in registration.profiles), got \"my-ofbb\""));
  }

  @Test
  void profileReferenceIsNotReportedAgainWhenTheProfileNameIsBad() {
    ConfigFixture fixture = withDirectory()
        .with("registration.profile", "My-OFB")
        .with("registration.profiles", List.of(Map.of("name", "My-OFB", "rules", List.of())));

    assertThat(fixture.problems()).containsExactly(problem("registration.profiles[0].name",
        "must be lower-case letters, digits and - only (it labels audit records and metrics), got \"My-OFB\""));
  }

  @Test
  void builtInProfileMayBeOverriddenByName() {
    RegistrationConfig registration = withDirectory()
        .with("registration.profile", "open-finance-brasil")
        .with("registration.profiles", List.of(Map.of("name", "open-finance-brasil", "report-only", "true",
            "rules", List.of(Map.of("id", "redirect-uris.in-software-statement")))))
        .load().registration();

    assertThat(registration.profiles()).singleElement().satisfies(profile -> {
      assertThat(profile.name()).isEqualTo("open-finance-brasil");
      assertThat(profile.reportOnly()).isTrue();
      assertThat(profile.rules()).containsExactly(new RuleConfig(
          "redirect-uris.in-software-statement", "registration.profiles[0].rules[0]", Map.of()));
    });
  }

  @Test
  void definedProfileRequiringAStatementNeedsADirectory() {
    ConfigFixture fixture = ConfigFixture.minimal(dir)
        .with("registration.profile", "my-ofb")
        .with("registration.profiles", List.of(Map.of("name", "my-ofb", "rules", List.of())));

    assertThat(fixture.problems()).containsExactly(problem("registration.directories", "must list at least one"
        + " directory: profile my-ofb (registration.profiles[0]) requires a software statement, and statements"
        + " are verified against a directory's keys"));
  }

  @Test
  void directoriesMayBeEmptyWhenNoStatementIsRequired() {
    RegistrationConfig defined = ConfigFixture.minimal(dir)
        .with("registration.profile", "open")
        .with("registration.directories", List.of())
        .with("registration.profiles", List.of(Map.of("name", "open", "require-software-statement", "false",
            "rules", List.of())))
        .load().registration();
    // Whether a built-in profile requires one is the policy package's to say.
    RegistrationConfig builtIn = ConfigFixture.minimal(dir).with("registration.profile", "open-finance-brasil")
        .load().registration();

    assertThat(defined.directories()).isEmpty();
    assertThat(builtIn.directories()).isEmpty();
  }

  @Test
  void profileNamesAreUniqueAndRulesRequired() {
    ConfigFixture fixture = withDirectory().with("registration.profiles", List.of(
        Map.of("name", "strict", "rules", List.of()),
        Map.of("name", "strict", "report-only", "maybe")));

    assertThat(fixture.problems()).containsExactly(
        problem("registration.profiles[1].name",
            "\"strict\" is already given at registration.profiles[0].name; profile names must be unique"),
        problem("registration.profiles[1].report-only", "must be true or false, got \"maybe\""),
        problem("registration.profiles[1].rules",
            "is required (the rules to apply, in order: a list of {id: ..., parameters})"));
  }

  @Test
  void ruleParametersArePlainJavaValuesInFileOrder() {
    Path file = writeWithRegistration("""
        registration:
          profile: my-ofb
          profiles:
            - name: my-ofb
              report-only: true
              require-software-statement: false
              rules:
                - id: redirect-uris.in-software-statement
                - id: scope.allowed-for-roles
                  roles: { PAGTO: [openid, payments], DADOS: [openid, accounts] }
                  max-count: 5
                  negative: -3
                  ratio: 0.5
                  strict: true
                  lenient: false
                  quoted-number: "5"
                  quoted-flag: 'true'
                  yaml-guesses: [yes, on, 0x1F, 1e3, True]
                  from-env: ${RULE_AUDIENCE:https://as.example}
                  count-from-env: ${RULE_COUNT:7}
                  nested: [{a: 1, b: [x, {c: false}]}, [], {}]
        """);

    ProfileConfig profile = ConfigLoader.load(file, name -> null).registration().profiles().get(0);

    assertThat(profile.key()).isEqualTo("registration.profiles[0]");
    assertThat(profile.reportOnly()).isTrue();
    assertThat(profile.requireSoftwareStatement()).isFalse();
    assertThat(profile.rules()).extracting(RuleConfig::id, RuleConfig::key).containsExactly(
        tuple("redirect-uris.in-software-statement", "registration.profiles[0].rules[0]"),
        tuple("scope.allowed-for-roles", "registration.profiles[0].rules[1]"));
    assertThat(profile.rules().get(0).params()).isEmpty();
    Map<String, Object> params = profile.rules().get(1).params();
    assertThat(params.keySet()).containsExactly("roles", "max-count", "negative", "ratio", "strict", "lenient",
        "quoted-number", "quoted-flag", "yaml-guesses", "from-env", "count-from-env", "nested");
    assertThat(params).containsEntry("roles", Map.of(
            "PAGTO", List.of("openid", "payments"), "DADOS", List.of("openid", "accounts")))
        .containsEntry("max-count", 5L)
        .containsEntry("negative", -3L)
        .containsEntry("ratio", 0.5)
        .containsEntry("strict", true)
        .containsEntry("lenient", false)
        .containsEntry("quoted-number", "5")
        .containsEntry("quoted-flag", "true")
        // Typed from the text, as everywhere in the file: YAML 1.1's guesses stay what was written.
        .containsEntry("yaml-guesses", List.of("yes", "on", "0x1F", "1e3", "True"))
        .containsEntry("from-env", "https://as.example")
        .containsEntry("count-from-env", 7L)
        .containsEntry("nested", List.of(Map.of("a", 1L, "b", List.of("x", Map.of("c", false))), List.of(), Map.of()));
    assertThat(List.copyOf(((Map<?, ?>) params.get("roles")).keySet())).isEqualTo(List.of("PAGTO", "DADOS"));
    assertThatThrownBy(() -> params.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((Map<?, ?>) params.get("roles")).clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aProfileShippedInTheJarIsReadLikeAnEntryOfTheFileKeyedByItsResource() {
    ProfileConfig profile = ConfigLoader.builtInProfile("profiles/mine.yaml", """
        name: mine
        report-only: false
        require-software-statement: true
        rules:
          - id: redirect-uris.in-software-statement
          - id: scope.allowed-for-roles
            max-count: 5
            quoted-number: "5"
            yaml-guesses: [yes, on]
        """);

    assertThat(profile.name()).isEqualTo("mine");
    assertThat(profile.key()).isEqualTo("profiles/mine.yaml");
    assertThat(profile.reportOnly()).isFalse();
    assertThat(profile.requireSoftwareStatement()).isTrue();
    assertThat(profile.rules()).extracting(RuleConfig::id, RuleConfig::key).containsExactly(
        tuple("redirect-uris.in-software-statement", "profiles/mine.yaml:rules[0]"),
        tuple("scope.allowed-for-roles", "profiles/mine.yaml:rules[1]"));
    assertThat(profile.rules().get(1).params()).containsExactly(
        Map.entry("max-count", 5L), Map.entry("quoted-number", "5"), Map.entry("yaml-guesses", List.of("yes", "on")));
  }

  @Test
  void aProfileShippedInTheJarThatDoesNotReadIsADefectNamingEveryProblemByResourceAndKey() {
    assertThatThrownBy(() -> ConfigLoader.builtInProfile("profiles/broken.yaml", """
        name: broken
        rules:
          - id: redirect-uris.https
            audience: ${HOME}
        rule: []
        """))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("built-in profile profiles/broken.yaml does not read: ")
        // No environment: what ships is what runs, whatever the host's variables say.
        .hasMessageContaining("profiles/broken.yaml:rules[0].audience: ")
        .hasMessageContaining("profiles/broken.yaml:rule: unknown key");
  }

  @Test
  void ruleEntriesReportShapeProblemsByKeyButNotTheirIdsOrParameters() {
    Path file = writeWithRegistration("""
        registration:
          profiles:
            - name: strict
              rules:
                - id: no.such-rule
                  anything: goes
                - roles: {DADOS: [openid]}
                - id: Redirect_URI
                - redirect-uris.in-software-statement
                - id: x
                  absent: ~
                  list: [a, ~]
                  unset: ${NO_SUCH_VARIABLE}
                  huge: 99999999999999999999
        """);

    assertThat(ConfigFixture.problemsOf(file)).containsExactly(
        problem("registration.profiles[0].rules[3]",
            "must be a mapping of keys, got \"redirect-uris.in-software-statement\""),
        problem("registration.profiles[0].rules[1].id",
            "is required (the rule's id, e.g. redirect-uris.in-software-statement)"),
        problem("registration.profiles[0].rules[2].id",
            "must be a rule id: lower-case letters, digits, . and -, got \"Redirect_URI\""),
        problem("registration.profiles[0].rules[4].absent", "has no value"),
        problem("registration.profiles[0].rules[4].list[1]", "has no value"),
        problem("registration.profiles[0].rules[4].unset", "environment variable NO_SUCH_VARIABLE is not set"
            + " and has no default (write ${NO_SUCH_VARIABLE:value} to give one)"),
        problem("registration.profiles[0].rules[4].huge",
            "is a number too large to read (quote it to keep it as text), got \"99999999999999999999\""));
  }

  /** The minimal config with one directory whose JWKS file exists. */
  private ConfigFixture withDirectory() {
    return ConfigFixture.minimal(dir).file("jwks.json")
        .with("registration.directories", new ArrayList<>(List.of(directory("dev-directory", ISSUER))));
  }

  private static Map<String, Object> directory(String name, String issuer) {
    Map<String, Object> directory = new LinkedHashMap<>();
    directory.put("name", name);
    directory.put("issuer", issuer);
    directory.put("jwks-file", "jwks.json");
    return directory;
  }

  /** The minimal config as YAML text followed by {@code registration}, which a map cannot express (quoting). */
  private Path writeWithRegistration(String registration) {
    try {
      String minimal = Files.readString(ConfigFixture.minimal(dir).write()).replaceFirst("^---\\n", "");
      return ConfigFixture.writeYaml(dir, minimal + registration);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
