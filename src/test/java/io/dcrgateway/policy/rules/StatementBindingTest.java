package io.dcrgateway.policy.rules;

import static io.dcrgateway.policy.PolicyFixture.OFB_CERTIFICATE;
import static io.dcrgateway.policy.PolicyFixture.OFB_LEGACY_CERTIFICATE;
import static io.dcrgateway.policy.PolicyFixture.ORG_ID;
import static io.dcrgateway.policy.PolicyFixture.OTHER_ORG_ID;
import static io.dcrgateway.policy.PolicyFixture.OTHER_SOFTWARE_ID;
import static io.dcrgateway.policy.PolicyFixture.SOFTWARE_ID;
import static io.dcrgateway.policy.PolicyFixture.UK_CERTIFICATE;
import static io.dcrgateway.policy.PolicyFixture.UK_ORG_ID;
import static io.dcrgateway.policy.PolicyFixture.UK_SOFTWARE_ID;
import static io.dcrgateway.policy.PolicyFixture.assertAmends;
import static io.dcrgateway.policy.PolicyFixture.assertPasses;
import static io.dcrgateway.policy.PolicyFixture.assertRejects;
import static io.dcrgateway.policy.PolicyFixture.context;
import static io.dcrgateway.policy.PolicyFixture.mint;
import static io.dcrgateway.policy.PolicyFixture.ofbClaims;
import static io.dcrgateway.policy.PolicyFixture.ofbStatement;
import static io.dcrgateway.policy.PolicyFixture.register;
import static io.dcrgateway.policy.PolicyFixture.rule;
import static io.dcrgateway.policy.PolicyFixture.ukClaims;
import static io.dcrgateway.policy.PolicyFixture.ukStatement;
import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.devpki.CertificateIssuer;
import io.dcrgateway.devpki.IssuedCertificate;
import io.dcrgateway.devpki.KeySpec;
import io.dcrgateway.devpki.OfbSubject;
import io.dcrgateway.devpki.UkTransportSubject;
import io.dcrgateway.policy.Operation;
import io.dcrgateway.policy.RegistrationContext;
import io.dcrgateway.policy.Rule;
import io.dcrgateway.policy.RuleResult;
import io.dcrgateway.statement.SoftwareStatement;
import io.dcrgateway.tls.VerifiedClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The client is the software the statement was issued to: OFB DCR 7.1-13/14 (SPEC BR-04, BR-05,
 * BRM-03), UK-14, UK-17; and the statement's values win (RFC 7591 §3.1.1, BR-17).
 */
class StatementBindingTest {

  private static final Map<String, Object> UK_BINDING = Map.of(
      "software-id-from", "cn", "org-id-from", "ou", "error", "unapproved_software_statement");

  // --- software-statement.required

  @Test
  void rejectsARequestWithoutSoftwareStatementWithInvalidSoftwareStatement() {
    var reject = assertRejects(rule("software-statement.required").evaluate(register(new JsonObject())),
        "invalid_software_statement");
    assertThat(reject.description()).startsWith("software_statement is required");
    assertRejects(rule("software-statement.required").evaluate(register(new JsonObject().put("software_statement", 1))),
        "invalid_software_statement");
  }

  @Test
  void acceptsARequestCarryingASoftwareStatement() {
    assertPasses(rule("software-statement.required")
        .evaluate(register(new JsonObject().put("software_statement", "eyJ.e30.c2ln"))));
  }

  // --- software-id.matches-statement

  @Test
  void acceptsSoftwareIdEqualToTheStatementsOrAbsent() {
    Rule rule = rule("software-id.matches-statement");
    assertPasses(rule.evaluate(register(new JsonObject().put("software_id", SOFTWARE_ID))));
    assertPasses(rule.evaluate(register(new JsonObject())));
  }

  @Test
  void rejectsSoftwareIdOfAnotherSoftware() {
    var reject = assertRejects(rule("software-id.matches-statement")
        .evaluate(register(new JsonObject().put("software_id", OTHER_SOFTWARE_ID))), "invalid_client_metadata");
    assertThat(reject.description()).isEqualTo("software_id \"" + OTHER_SOFTWARE_ID + "\" is not the software"
        + " statement's software_id \"" + SOFTWARE_ID + "\"; send that value or omit software_id");
  }

  // --- certificate.bound-to-statement

  @Test
  void acceptsTheEcosystemCertificateOfTheStatementsSoftwareAndOrg() {
    assertPasses(rule("certificate.bound-to-statement").evaluate(register(new JsonObject())));
  }

  @Test
  void acceptsALegacyCertificateCarryingOrgIdInOu() {
    assertPasses(rule("certificate.bound-to-statement").evaluate(over(OFB_LEGACY_CERTIFICATE, Operation.REGISTER)));
  }

  @Test
  void acceptsAnotherCertificateOfTheSameSoftwareOnUpdate() {
    // BRM-03: a different CN, same software and org, must be accepted on management calls.
    IssuedCertificate renewed = mint(OfbSubject.of("other.tpp.example", SOFTWARE_ID, ORG_ID, "43142666000197", "TPP"));
    assertPasses(rule("certificate.bound-to-statement").evaluate(over(renewed, Operation.UPDATE)));
  }

  @Test
  void rejectsACertificateOfAnotherSoftwareNamingBothIds() {
    IssuedCertificate other = mint(OfbSubject.of("tpp.example", OTHER_SOFTWARE_ID, ORG_ID, "43142666000197", "TPP"));
    var reject = assertRejects(rule("certificate.bound-to-statement").evaluate(over(other, Operation.REGISTER)),
        "invalid_software_statement");
    assertThat(reject.description()).startsWith("the client certificate's UID " + OTHER_SOFTWARE_ID
        + " is not the software statement's software_id " + SOFTWARE_ID);
  }

  @Test
  void rejectsACertificateOfAnotherOrganisationOnUpdateToo() {
    IssuedCertificate ecosystem = mint(OfbSubject.of("tpp.example", SOFTWARE_ID, OTHER_ORG_ID, "43142666000197", "TPP"));
    var reject = assertRejects(rule("certificate.bound-to-statement").evaluate(over(ecosystem, Operation.UPDATE)),
        "invalid_software_statement");
    assertThat(reject.description()).startsWith("the client certificate's organizationIdentifier (after the prefix"
        + " OFBBR-) " + OTHER_ORG_ID + " is not the software statement's org_id " + ORG_ID);

    IssuedCertificate legacy = CertificateIssuer.forSubject(
        OfbSubject.of("tpp.example", SOFTWARE_ID, OTHER_ORG_ID, "43142666000197", "TPP").legacyName())
        .key(KeySpec.ecP256()).selfSigned();
    assertThat(assertRejects(rule("certificate.bound-to-statement").evaluate(over(legacy, Operation.REGISTER)),
        "invalid_software_statement").description()).startsWith("the client certificate's OU " + OTHER_ORG_ID);
  }

  @Test
  void rejectsACertificateWithoutUid() {
    var reject = assertRejects(rule("certificate.bound-to-statement").evaluate(over(UK_CERTIFICATE, Operation.REGISTER)),
        "invalid_software_statement");
    assertThat(reject.description()).isEqualTo("the client certificate's UID is missing; the certificate must carry"
        + " the software statement's software_id " + SOFTWARE_ID);
  }

  @Test
  void rejectsACertificateNamingTwoSoftwares() {
    IssuedCertificate twoUids = CertificateIssuer.forSubject("UID=" + SOFTWARE_ID + "+UID=" + OTHER_SOFTWARE_ID
        + ",2.5.4.97=OFBBR-" + ORG_ID + ",CN=tpp.example,C=BR").key(KeySpec.ecP256()).selfSigned();
    var reject = assertRejects(rule("certificate.bound-to-statement").evaluate(over(twoUids, Operation.REGISTER)),
        "invalid_software_statement");
    assertThat(reject.description()).contains(SOFTWARE_ID, OTHER_SOFTWARE_ID, "names the TPP once");
  }

  @Test
  void everyRequestOfOneClientIsJudgedAlikeWhileItsSubjectIsKeptWithTheCertificate() {
    // The parsed subject is kept with the verified client: later requests must not see a
    // different answer, an ambiguous subject included.
    IssuedCertificate twoUids = CertificateIssuer.forSubject("UID=" + SOFTWARE_ID + "+UID=" + OTHER_SOFTWARE_ID
        + ",2.5.4.97=OFBBR-" + ORG_ID + ",CN=tpp.example,C=BR").key(KeySpec.ecP256()).selfSigned();
    Rule rule = rule("certificate.bound-to-statement");
    for (IssuedCertificate certificate : List.of(OFB_CERTIFICATE, twoUids, UK_CERTIFICATE)) {
      VerifiedClient client = new VerifiedClient(certificate.certificate(), certificate.issuerChain(), "test");
      RuleResult first = rule.evaluate(sameClient(client));
      RuleResult second = rule.evaluate(sameClient(client));
      assertThat(second).as("second request of %s", certificate.certificate().getSubjectX500Principal())
          .isEqualTo(first);
    }
  }

  private static RegistrationContext sameClient(VerifiedClient client) {
    return new RegistrationContext(Operation.REGISTER, new JsonObject(), Optional.of(ofbStatement(ofbClaims())), client,
        Optional.empty());
  }

  @Test
  void strictOrganizationIdentifierModeRefusesTheOuLayout() {
    Rule rule = rule("certificate.bound-to-statement", Map.of("org-id-from", "organization-identifier"));
    assertPasses(rule.evaluate(register(new JsonObject())));
    assertThat(assertRejects(rule.evaluate(over(OFB_LEGACY_CERTIFICATE, Operation.REGISTER)), "invalid_software_statement")
        .description()).contains("organizationIdentifier", "is missing");
  }

  @Test
  void ukTransportCertificateCarriesSoftwareIdInCnAndOrgIdInOu() {
    Rule uk = rule("certificate.bound-to-statement", UK_BINDING);
    assertPasses(uk.evaluate(overUk(UK_CERTIFICATE)));

    IssuedCertificate otherSoftware = CertificateIssuer.forSubject(new UkTransportSubject("OtherSoftware123", UK_ORG_ID).name())
        .key(KeySpec.ecP256()).selfSigned();
    var reject = assertRejects(uk.evaluate(overUk(otherSoftware)), "unapproved_software_statement");
    assertThat(reject.description()).startsWith("the client certificate's CN OtherSoftware123 is not the software"
        + " statement's software_id " + UK_SOFTWARE_ID);
  }

  @Test
  void appliesToRegistrationAndUpdate() {
    assertThat(rule("certificate.bound-to-statement").operations())
        .containsExactlyInAnyOrder(Operation.REGISTER, Operation.UPDATE);
  }

  // --- metadata.from-statement

  @Test
  void overrideReplacesSentValuesWithTheStatementsAndFillsAbsentOnes() {
    JsonObject sent = new JsonObject()
        .put("client_name", "Something Else")
        .put("logo_uri", "https://tpp.example/logo.png")
        .put("software_statement", "eyJ.e30.c2ln")
        .put("x-vendor", "kept");
    JsonObject amended = assertAmends(rule("metadata.from-statement").evaluate(register(sent)));
    assertThat(amended.getMap()).containsEntry("client_name", "Chicago Advisory Partners TPP")
        .containsEntry("logo_uri", "https://tpp.example/logo.png")
        .containsEntry("client_uri", "https://tpp.example")
        .containsEntry("policy_uri", "https://tpp.example/policy")
        .containsEntry("tos_uri", "https://tpp.example/tos")
        .containsEntry("jwks_uri", ofbClaims().getString("software_jwks_uri"))
        .containsEntry("software_statement", "eyJ.e30.c2ln")
        .containsEntry("x-vendor", "kept");
    assertThat(sent.getString("client_name")).as("the request itself is not mutated").isEqualTo("Something Else");
  }

  @Test
  void passesWhenEverythingAlreadyEqualsTheStatement() {
    JsonObject claims = ofbClaims();
    JsonObject sent = new JsonObject().put("client_name", claims.getString("software_client_name"));
    assertPasses(rule("metadata.from-statement", Map.of("fields", Map.of("client_name", "clientName")))
        .evaluate(register(sent)));
  }

  @Test
  void fillModeKeepsSentValues() {
    JsonObject amended = assertAmends(rule("metadata.from-statement", Map.of("mode", "fill"))
        .evaluate(register(new JsonObject().put("client_name", "Mine"))));
    assertThat(amended.getString("client_name")).isEqualTo("Mine");
    assertThat(amended.getString("tos_uri")).isEqualTo("https://tpp.example/tos");
  }

  @Test
  void rejectModeNamesTheDifferingField() {
    var reject = assertRejects(rule("metadata.from-statement", Map.of("mode", "reject"))
        .evaluate(register(new JsonObject().put("tos_uri", "https://elsewhere.example/tos"))), "invalid_client_metadata");
    assertThat(reject.description()).isEqualTo("tos_uri must match the software statement's software_tos_uri"
        + " \"https://tpp.example/tos\" (or be omitted), got \"https://elsewhere.example/tos\"");
    assertPasses(rule("metadata.from-statement", Map.of("mode", "reject")).evaluate(register(new JsonObject())));
  }

  @Test
  void fieldsMayNameLiteralClaimsAndCopyArrays() {
    JsonObject amended = assertAmends(rule("metadata.from-statement",
        Map.of("fields", Map.of("redirect_uris", "redirectUris", "software_version", "software_version"))).evaluate(
            withClaims(ofbClaims().put("software_version", "1.2"), new JsonObject())));
    assertThat(amended.getJsonArray("redirect_uris")).isEqualTo(ofbClaims().getJsonArray("software_redirect_uris"));
    assertThat(amended.getString("software_version")).isEqualTo("1.2");
  }

  @Test
  void neverAddsJwksUriNextToJwksByValue() {
    JsonObject keys = new JsonObject().put("keys", new JsonArray());
    JsonObject amended = assertAmends(rule("metadata.from-statement").evaluate(register(new JsonObject().put("jwks", keys))));
    assertThat(amended.containsKey("jwks_uri")).isFalse();
  }

  @Test
  void readsClaimsThroughTheDirectorysClaimNames() {
    JsonObject amended = assertAmends(rule("metadata.from-statement", Map.of("fields", Map.of("jwks_uri", "jwksUri")))
        .evaluate(overUk(UK_CERTIFICATE)));
    assertThat(amended.getString("jwks_uri")).isEqualTo(ukClaims().getString("software_jwks_endpoint"));
  }

  private static RegistrationContext over(IssuedCertificate certificate, Operation operation) {
    return context(operation, new JsonObject(), Optional.of(ofbStatement(ofbClaims())), certificate,
        operation == Operation.UPDATE ? Optional.of("client-1") : Optional.empty());
  }

  private static RegistrationContext overUk(IssuedCertificate certificate) {
    SoftwareStatement statement = ukStatement(ukClaims());
    return context(Operation.REGISTER, new JsonObject(), Optional.of(statement), certificate, Optional.empty());
  }

  private static RegistrationContext withClaims(JsonObject claims, JsonObject metadata) {
    return context(Operation.REGISTER, metadata, Optional.of(ofbStatement(claims)), OFB_CERTIFICATE, Optional.empty());
  }
}
