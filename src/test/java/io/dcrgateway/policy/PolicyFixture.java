package io.dcrgateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.config.ConfigProblem;
import io.dcrgateway.config.DirectoryConfig;
import io.dcrgateway.config.DirectoryConfig.ClaimNames;
import io.dcrgateway.config.DirectoryConfig.DirectoryKeys;
import io.dcrgateway.devpki.CertificateIssuer;
import io.dcrgateway.devpki.IssuedCertificate;
import io.dcrgateway.devpki.KeySpec;
import io.dcrgateway.devpki.OfbSubject;
import io.dcrgateway.devpki.UkTransportSubject;
import io.dcrgateway.statement.SoftwareStatement;
import io.dcrgateway.tls.VerifiedClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ObjectAssert;

/**
 * Real objects for rule tests: certificates minted by the dev PKI with the ecosystem subject
 * layouts, software statements as the directories issue them, and rules built through the
 * catalog exactly as a profile builds them.
 */
public final class PolicyFixture {

  public static final String SOFTWARE_ID = "bc97b8f0-cae0-4f2f-9978-d93f0e56a833";
  public static final String ORG_ID = "74e929d9-33b6-4d85-8ba7-c146c867a817";
  public static final String OTHER_SOFTWARE_ID = "10120340-3318-4baf-99e2-0b56729c4ab2";
  public static final String OTHER_ORG_ID = "5f69111d-5a25-4b4e-9bdc-3c0ac1a6c8c8";
  public static final String JWKS_URI = "https://keystore.sandbox.directory.openbankingbrasil.org.br/"
      + ORG_ID + "/" + SOFTWARE_ID + "/application.jwks";
  public static final String REDIRECT_URI = "https://tpp.example/callback?dummy1=lorem&dummy2=ipsum";

  public static final String UK_SOFTWARE_ID = "9Rt5Ky2ajQWsFwQHhWNyvY";
  public static final String UK_ORG_ID = "0015800001041RHAAY";

  public static final OfbSubject OFB_SUBJECT = OfbSubject.of(
      "web.conftpp.directory.openbankingbrasil.org.br", SOFTWARE_ID, ORG_ID, "43142666000197",
      "Chicago Advisory Partners");

  /** Issued after 2022-08-31: org_id in organizationIdentifier. */
  public static final IssuedCertificate OFB_CERTIFICATE = mint(OFB_SUBJECT);
  /** Issued before: org_id in OU. */
  public static final IssuedCertificate OFB_LEGACY_CERTIFICATE =
      CertificateIssuer.forSubject(OFB_SUBJECT.legacyName()).key(KeySpec.ecP256()).clientAuth().selfSigned();
  public static final IssuedCertificate UK_CERTIFICATE = CertificateIssuer
      .forSubject(new UkTransportSubject(UK_SOFTWARE_ID, UK_ORG_ID).name()).key(KeySpec.ecP256()).clientAuth()
      .selfSigned();

  private PolicyFixture() {
  }

  public static IssuedCertificate mint(OfbSubject subject) {
    return CertificateIssuer.forSubject(subject.ecosystemName()).key(KeySpec.ecP256()).clientAuth().selfSigned();
  }

  public static DirectoryConfig directory(ClaimNames names) {
    DirectoryKeys keys = new DirectoryKeys(Optional.empty(), Optional.of(Path.of("directory.jwks")),
        Duration.ofMinutes(15), Duration.ofHours(24), Duration.ofSeconds(30), Duration.ofSeconds(5));
    return new DirectoryConfig("test", "test-issuer", keys, List.of("PS256"), Duration.ofMinutes(5),
        Duration.ofSeconds(60), true, names);
  }

  /** The claims of an OFB sandbox statement (ID3 §9.2 example shape) for the OFB test software. */
  public static JsonObject ofbClaims() {
    return new JsonObject()
        .put("software_id", SOFTWARE_ID)
        .put("org_id", ORG_ID)
        .put("software_client_name", "Chicago Advisory Partners TPP")
        .put("software_client_uri", "https://tpp.example")
        .put("software_logo_uri", "https://tpp.example/logo.png")
        .put("software_policy_uri", "https://tpp.example/policy")
        .put("software_tos_uri", "https://tpp.example/tos")
        .put("software_jwks_uri", JWKS_URI)
        .put("software_redirect_uris", new JsonArray().add(REDIRECT_URI).add("https://tpp.example/cb2"))
        .put("software_roles", new JsonArray().add("DADOS").add("PAGTO"))
        .put("software_statement_roles", new JsonArray()
            .add(new JsonObject().put("role", "DADOS").put("authorisation_domain", "Open Banking").put("status", "Active"))
            .add(new JsonObject().put("role", "PAGTO").put("authorisation_domain", "Open Banking").put("status", "Active")))
        .put("iss", "Open Banking Open Banking Brasil sandbox SSA issuer");
  }

  public static JsonObject ukClaims() {
    return new JsonObject()
        .put("iss", "OpenBanking Ltd")
        .put("software_id", UK_SOFTWARE_ID)
        .put("org_id", UK_ORG_ID)
        .put("software_client_name", "UK TPP")
        .put("software_jwks_endpoint", "https://keystore.openbankingtest.org.uk/" + UK_ORG_ID + "/" + UK_SOFTWARE_ID + ".jwks")
        .put("software_redirect_uris", new JsonArray().add("https://tpp.example.co.uk/callback"))
        .put("software_roles", new JsonArray().add("AISP").add("PISP"));
  }

  public static SoftwareStatement ofbStatement(JsonObject claims) {
    return new SoftwareStatement("eyJhbGciOiJQUzI1NiJ9.e30.c2ln", claims, directory(ClaimNames.OPEN_FINANCE_BRASIL));
  }

  public static SoftwareStatement ukStatement(JsonObject claims) {
    return new SoftwareStatement("eyJhbGciOiJQUzI1NiJ9.e30.c2ln", claims, directory(ClaimNames.UK_OPEN_BANKING));
  }

  /** A registration over the OFB certificate with the OFB statement. */
  public static RegistrationContext register(JsonObject metadata) {
    return context(Operation.REGISTER, metadata, Optional.of(ofbStatement(ofbClaims())), OFB_CERTIFICATE, Optional.empty());
  }

  public static RegistrationContext update(String clientId, JsonObject metadata) {
    return context(Operation.UPDATE, metadata, Optional.of(ofbStatement(ofbClaims())), OFB_CERTIFICATE,
        Optional.of(clientId));
  }

  public static RegistrationContext context(Operation operation, JsonObject metadata,
      Optional<SoftwareStatement> statement, IssuedCertificate certificate, Optional<String> clientId) {
    return new RegistrationContext(operation, metadata, statement,
        new VerifiedClient(certificate.certificate(), certificate.issuerChain(), "test"), clientId);
  }

  /** A rule built through the catalog, as a profile entry with these params builds it; no problems. */
  public static Rule rule(String id, Map<String, Object> params) {
    List<ConfigProblem> problems = new ArrayList<>();
    Rule rule = RuleCatalog.factory(id).orElseThrow(() -> new AssertionError("no rule " + id))
        .create(new RuleParams("rules[0]", params, problems));
    assertThat(problems).as("problems building %s with %s", id, params).isEmpty();
    assertThat(rule.id()).isEqualTo(id);
    return rule;
  }

  public static Rule rule(String id) {
    return rule(id, Map.of());
  }

  /** The problems building the rule with these params reports, as "key: message". */
  public static List<String> problems(String id, Map<String, Object> params) {
    List<ConfigProblem> problems = new ArrayList<>();
    RuleCatalog.factory(id).orElseThrow().create(new RuleParams("rules[0]", params, problems));
    return problems.stream().map(ConfigProblem::toString).toList();
  }

  public static RuleResult.Reject assertRejects(RuleResult result, String error) {
    assertThat(result).isInstanceOf(RuleResult.Reject.class);
    RuleResult.Reject reject = (RuleResult.Reject) result;
    assertThat(reject.error()).as("error code (%s)", reject.description()).isEqualTo(error);
    return reject;
  }

  /** The metadata the rule amended to. */
  public static JsonObject assertAmends(RuleResult result) {
    assertThat(result).as("expected an amendment").isInstanceOf(RuleResult.Amend.class);
    return ((RuleResult.Amend) result).metadata();
  }

  public static ObjectAssert<RuleResult> assertPasses(RuleResult result) {
    return assertThat(result).as("expected a pass").isEqualTo(RuleResult.pass());
  }
}
