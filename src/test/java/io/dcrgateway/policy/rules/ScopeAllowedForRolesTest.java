package io.dcrgateway.policy.rules;

import static io.dcrgateway.policy.PolicyFixture.OFB_CERTIFICATE;
import static io.dcrgateway.policy.PolicyFixture.UK_CERTIFICATE;
import static io.dcrgateway.policy.PolicyFixture.assertAmends;
import static io.dcrgateway.policy.PolicyFixture.assertPasses;
import static io.dcrgateway.policy.PolicyFixture.assertRejects;
import static io.dcrgateway.policy.PolicyFixture.context;
import static io.dcrgateway.policy.PolicyFixture.ofbClaims;
import static io.dcrgateway.policy.PolicyFixture.ofbStatement;
import static io.dcrgateway.policy.PolicyFixture.register;
import static io.dcrgateway.policy.PolicyFixture.rule;
import static io.dcrgateway.policy.PolicyFixture.ukClaims;
import static io.dcrgateway.policy.PolicyFixture.ukStatement;
import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.policy.Operation;
import io.dcrgateway.policy.RegistrationContext;
import io.dcrgateway.policy.Rule;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** OFB DCR 7.1-9, 7.1.1-3, 7.2 (SPEC BR-15, BR-16) and UK DCR (UK-15): scopes follow the roles. */
class ScopeAllowedForRolesTest {

  static final String DADOS = "openid accounts credit-cards-accounts consents customers invoice-financings financings"
      + " loans unarranged-accounts-overdraft resources";

  static Map<String, Object> ofbRoles() {
    Map<String, Object> roles = new LinkedHashMap<>();
    roles.put("DADOS", List.of(DADOS.split(" ")));
    roles.put("PAGTO", List.of("openid", "payments"));
    roles.put("CONTA", List.of("openid"));
    roles.put("CCORR", List.of("openid"));
    return roles;
  }

  static Rule ofbRule(Map<String, Object> more) {
    Map<String, Object> params = new LinkedHashMap<>(more);
    params.put("roles", ofbRoles());
    return rule("scope.allowed-for-roles", params);
  }

  @ParameterizedTest
  @ValueSource(strings = {"openid payments", "payments openid", "accounts  openid consents openid", "resources"})
  void acceptsScopesOfTheActiveRolesInAnyOrderWithDuplicates(String scope) {
    assertPasses(ofbRule(Map.of()).evaluate(register(new JsonObject().put("scope", scope).put("extra", 1))));
  }

  @Test
  void rejectsScopesNoActiveRoleAllowsNamingThemAndTheAllowedSet() {
    var reject = assertRejects(ofbRule(Map.of()).evaluate(register(new JsonObject()
        .put("scope", "openid payments admin accounts insurance"))), "invalid_client_metadata");
    assertThat(reject.description()).isEqualTo("scope admin, insurance not allowed for the software's active roles"
        + " (DADOS, PAGTO); request only: " + DADOS + " payments");
  }

  @Test
  void grantsEveryScopeOfTheActiveRolesWhenScopeIsAbsent() {
    JsonObject amended = assertAmends(ofbRule(Map.of()).evaluate(register(new JsonObject().put("client_name", "x"))));
    assertThat(amended).isEqualTo(new JsonObject().put("client_name", "x").put("scope", DADOS + " payments"));
  }

  @Test
  void leavesAbsentScopeAloneWhenDefaultToAllIsOff() {
    assertPasses(ofbRule(Map.of("default-to-all", false)).evaluate(register(new JsonObject())));
  }

  @Test
  void reduceModeDropsTheScopesTheRolesDoNotAllow() {
    JsonObject amended = assertAmends(ofbRule(Map.of("on-excess", "reduce"))
        .evaluate(register(new JsonObject().put("scope", "payments admin openid payments"))));
    assertThat(amended.getString("scope")).isEqualTo("payments openid");
  }

  @Test
  void reduceModeStillRejectsWhenNothingRequestedIsAllowed() {
    assertRejects(ofbRule(Map.of("on-excess", "reduce")).evaluate(register(new JsonObject().put("scope", "admin"))),
        "invalid_client_metadata");
  }

  @Test
  void onlyActiveStatementRolesCount() {
    JsonObject claims = ofbClaims().put("software_statement_roles", new JsonArray()
        .add(new JsonObject().put("role", "DADOS").put("status", "Inactive"))
        .add(new JsonObject().put("role", "PAGTO").put("status", "Active")));
    RegistrationContext payments = withClaims(claims, new JsonObject().put("scope", "openid accounts"));
    var reject = assertRejects(ofbRule(Map.of()).evaluate(payments), "invalid_client_metadata");
    assertThat(reject.description()).startsWith("scope accounts not allowed for the software's active roles (PAGTO)");
    assertThat(assertAmends(ofbRule(Map.of()).evaluate(withClaims(claims, new JsonObject()))).getString("scope"))
        .isEqualTo("openid payments");
  }

  @Test
  void fallsBackToSoftwareRolesWhenTheStatementHasNoStatementRoles() {
    JsonObject claims = ofbClaims().put("software_roles", new JsonArray().add("PAGTO"));
    claims.remove("software_statement_roles");
    assertThat(assertAmends(ofbRule(Map.of()).evaluate(withClaims(claims, new JsonObject()))).getString("scope"))
        .isEqualTo("openid payments");
  }

  @Test
  void roleSourceRolesIgnoresStatementRoles() {
    JsonObject claims = ofbClaims().put("software_roles", new JsonArray().add("CONTA"));
    assertRejects(ofbRule(Map.of("role-source", "roles")).evaluate(withClaims(claims, new JsonObject().put("scope", "payments"))),
        "invalid_client_metadata");
  }

  @Test
  void rejectsWhenTheStatementGrantsNoMappedRole() {
    JsonObject claims = ofbClaims().put("software_statement_roles", new JsonArray()
        .add(new JsonObject().put("role", "DADOS").put("status", "Inactive")));
    var reject = assertRejects(ofbRule(Map.of()).evaluate(withClaims(claims, new JsonObject())), "invalid_client_metadata");
    assertThat(reject.description()).contains("no active role", "none active");
  }

  @Test
  void rejectsAScopeThatIsNotAString() {
    var reject = assertRejects(ofbRule(Map.of()).evaluate(register(new JsonObject()
        .put("scope", new JsonArray().add("openid")))), "invalid_client_metadata");
    assertThat(reject.description()).contains("space-separated");
  }

  @Test
  void ukRolesMapToAccountsPaymentsAndFundsConfirmations() {
    Rule uk = rule("scope.allowed-for-roles", Map.of("role-source", "roles", "roles", Map.of(
        "AISP", List.of("openid", "accounts"), "PISP", List.of("openid", "payments"),
        "CBPII", List.of("openid", "fundsconfirmations"))));
    RegistrationContext aispPisp = context(Operation.REGISTER, new JsonObject().put("scope", "accounts payments openid"),
        Optional.of(ukStatement(ukClaims())), UK_CERTIFICATE, Optional.empty());
    assertPasses(uk.evaluate(aispPisp));
    assertRejects(uk.evaluate(aispPisp.withMetadata(new JsonObject().put("scope", "openid fundsconfirmations"))),
        "invalid_client_metadata");
  }

  private static RegistrationContext withClaims(JsonObject claims, JsonObject metadata) {
    return context(Operation.REGISTER, metadata, Optional.of(ofbStatement(claims)), OFB_CERTIFICATE, Optional.empty());
  }
}
