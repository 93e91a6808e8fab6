package io.dcrgateway.policy;

import static io.dcrgateway.policy.PolicyFixture.OFB_CERTIFICATE;
import static io.dcrgateway.policy.PolicyFixture.REDIRECT_URI;
import static io.dcrgateway.policy.PolicyFixture.UK_CERTIFICATE;
import static io.dcrgateway.policy.PolicyFixture.context;
import static io.dcrgateway.policy.PolicyFixture.ofbClaims;
import static io.dcrgateway.policy.PolicyFixture.ofbStatement;
import static io.dcrgateway.policy.PolicyFixture.ukClaims;
import static io.dcrgateway.policy.PolicyFixture.ukStatement;
import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.config.ConfigProblem;
import io.dcrgateway.config.ProfileConfig;
import io.dcrgateway.config.ProfileConfig.RuleConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The profiles shipped in the jar are data in the config's {@code registration.profiles[]} shape:
 * every rule id exists and every parameter builds. Then each profile run end to end on a request
 * its ecosystem's conformance tooling sends.
 */
class BuiltInProfileFilesTest {

  @ParameterizedTest
  @ValueSource(strings = {"open-finance-brasil", "uk-open-banking", "generic"})
  void everyRuleIdExistsAndEveryParameterBuilds(String name) {
    ProfileConfig definition = shipped(name);

    assertThat(definition.key()).isEqualTo("profiles/" + name + ".yaml");
    assertThat(definition.reportOnly()).isFalse();
    assertThat(definition.requireSoftwareStatement()).isTrue();
    assertThat(definition.rules()).extracting(RuleConfig::key).allMatch(key -> key.startsWith(definition.key() + ":rules["));
    List<ConfigProblem> problems = new ArrayList<>();
    Profile profile = Profiles.build(definition, problems);
    assertThat(problems).isEmpty();
    assertThat(profile.rules()).extracting(Rule::id).doesNotHaveDuplicates();
  }

  @Test
  void theJarShipsExactlyTheBuiltInProfilesByName() {
    assertThat(BuiltInProfiles.load()).extracting(ProfileConfig::name)
        .containsExactly("open-finance-brasil", "uk-open-banking", "generic");
  }

  @Test
  void openFinanceBrasilAcceptsTheSuitesHappyPathAndCompletesIt() {
    // SPEC BR-24: the shape the OIDF suite sends, grant types in an unusual order, unknown fields.
    JsonObject request = new JsonObject()
        .put("grant_types", new JsonArray().add("client_credentials").add("refresh_token").add("implicit")
            .add("authorization_code"))
        .put("response_types", new JsonArray().add("code id_token"))
        .put("token_endpoint_auth_method", "tls_client_auth")
        .put("tls_client_auth_subject_dn", OFB_CERTIFICATE.subject().getName())
        .put("redirect_uris", new JsonArray().add(REDIRECT_URI))
        .put("id_token_signed_response_alg", "PS256")
        .put("software_statement", "eyJ.e30.c2ln")
        .put("client_name", "Something the TPP typed")
        .put("description", "an unknown field");

    PolicyDecision decision = ProfileEvaluator.evaluate(build("open-finance-brasil", new ArrayList<>()),
        context(Operation.REGISTER, request, Optional.of(ofbStatement(ofbClaims())), OFB_CERTIFICATE, Optional.empty()));

    assertThat(decision.rejection()).isEmpty();
    assertThat(decision.amended()).isTrue();
    JsonObject forwarded = decision.metadata();
    assertThat(forwarded.getString("jwks_uri")).isEqualTo(ofbClaims().getString("software_jwks_uri"));
    assertThat(forwarded.getString("scope")).isEqualTo("openid accounts credit-cards-accounts consents customers"
        + " invoice-financings financings loans unarranged-accounts-overdraft resources payments");
    assertThat(forwarded.getString("client_name")).isEqualTo("Chicago Advisory Partners TPP");
    assertThat(forwarded.getString("software_statement")).isEqualTo("eyJ.e30.c2ln");
    assertThat(forwarded.getString("description")).isEqualTo("an unknown field");
  }

  @Test
  void openFinanceBrasilRejectsJwksByValueAndAJwksUriOfAnotherSoftwareWithInvalidClientMetadata() {
    Profile profile = build("open-finance-brasil", new ArrayList<>());
    JsonObject base = new JsonObject().put("software_statement", "eyJ.e30.c2ln")
        .put("token_endpoint_auth_method", "private_key_jwt")
        .put("redirect_uris", new JsonArray().add(REDIRECT_URI));

    for (JsonObject request : List.of(base.copy().put("jwks", new JsonObject().put("keys", new JsonArray())),
        base.copy().put("jwks_uri", "https://keystore.example/other.jwks"))) {
      PolicyDecision decision = ProfileEvaluator.evaluate(profile, context(Operation.REGISTER, request,
          Optional.of(ofbStatement(ofbClaims())), OFB_CERTIFICATE, Optional.empty()));
      assertThat(decision.rejection()).get().extracting(Violation::error).isEqualTo("invalid_client_metadata");
    }
  }

  @Test
  void openFinanceBrasilLetsAnUpdateMoveToAnotherCertificatesSubjectDn() {
    // BRM-08: the PUT names a new certificate's DN while arriving over the old certificate.
    JsonObject request = new JsonObject().put("client_id", "client-1").put("software_statement", "eyJ.e30.c2ln")
        .put("token_endpoint_auth_method", "tls_client_auth")
        .put("tls_client_auth_subject_dn", "CN=new.tpp.example,UID=" + PolicyFixture.SOFTWARE_ID + ",C=BR")
        .put("redirect_uris", new JsonArray().add(REDIRECT_URI)).put("scope", "payments openid");
    PolicyDecision decision = ProfileEvaluator.evaluate(build("open-finance-brasil", new ArrayList<>()),
        context(Operation.UPDATE, request, Optional.of(ofbStatement(ofbClaims())), OFB_CERTIFICATE, Optional.of("client-1")));
    assertThat(decision.rejection()).isEmpty();
  }

  @Test
  void ukOpenBankingAcceptsARegistrationAsTheConformanceToolSendsIt() {
    JsonObject request = new JsonObject()
        .put("iss", PolicyFixture.UK_SOFTWARE_ID)
        .put("redirect_uris", new JsonArray().add("https://tpp.example.co.uk/callback"))
        .put("token_endpoint_auth_method", "private_key_jwt")
        .put("token_endpoint_auth_signing_alg", "PS256")
        .put("grant_types", new JsonArray().add("refresh_token").add("client_credentials").add("authorization_code"))
        .put("response_types", new JsonArray().add("code id_token"))
        .put("application_type", "web")
        .put("id_token_signed_response_alg", "PS256")
        .put("request_object_signing_alg", "PS256")
        .put("software_statement", "eyJ.e30.c2ln")
        .put("scope", "openid accounts payments");

    PolicyDecision decision = ProfileEvaluator.evaluate(build("uk-open-banking", new ArrayList<>()),
        context(Operation.REGISTER, request, Optional.of(ukStatement(ukClaims())), UK_CERTIFICATE, Optional.empty()));

    assertThat(decision.rejection()).isEmpty();
    assertThat(decision.metadata().getString("jwks_uri")).isEqualTo(ukClaims().getString("software_jwks_endpoint"));
  }

  @Test
  void ukOpenBankingRefusesAnotherSoftwaresCertificateAsUnapproved() {
    JsonObject request = new JsonObject().put("software_statement", "eyJ.e30.c2ln")
        .put("redirect_uris", new JsonArray().add("https://tpp.example.co.uk/callback"))
        .put("token_endpoint_auth_method", "tls_client_auth").put("grant_types", new JsonArray().add("client_credentials"))
        .put("application_type", "web").put("id_token_signed_response_alg", "PS256")
        .put("request_object_signing_alg", "PS256");
    PolicyDecision decision = ProfileEvaluator.evaluate(build("uk-open-banking", new ArrayList<>()),
        context(Operation.REGISTER, request, Optional.of(ukStatement(ukClaims())), OFB_CERTIFICATE, Optional.empty()));
    assertThat(decision.rejection()).get().satisfies(violation -> {
      assertThat(violation.ruleId()).isEqualTo("certificate.bound-to-statement");
      assertThat(violation.error()).isEqualTo("unapproved_software_statement");
    });
  }

  private static ProfileConfig shipped(String name) {
    return BuiltInProfiles.load().stream().filter(profile -> profile.name().equals(name)).findFirst().orElseThrow();
  }

  /** The profile as the gateway builds it from what the jar ships. */
  private static Profile build(String name, List<ConfigProblem> problems) {
    return Profiles.build(shipped(name), problems);
  }
}
