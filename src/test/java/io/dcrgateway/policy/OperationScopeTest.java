package io.dcrgateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.config.ConfigProblem;
import io.dcrgateway.config.ProfileConfig;
import io.dcrgateway.config.ProfileConfig.RuleConfig;
import io.dcrgateway.config.RegistrationConfig;
import io.dcrgateway.config.SetupException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Any rule entry may narrow the operations it applies to; the rule itself knows nothing of it. */
class OperationScopeTest {

  private static Map<String, Profile> build(Map<String, Object> params) throws SetupException {
    ProfileConfig profile = new ProfileConfig("p", "test", false, false,
        List.of(new RuleConfig("response-types.allowed", "p.rules[0]", params)));
    return Profiles.build(new RegistrationConfig("p", Optional.empty(),
        RegistrationConfig.SignedRequestForwarding.CLAIMS, Optional.empty(), List.of(), List.of(profile)));
  }

  @Test
  void aRuleLimitedToRegistrationDoesNotApplyToUpdates() throws Exception {
    Rule rule = build(Map.of("operations", List.of("register"))).get("p").rules().get(0);

    assertThat(rule.id()).isEqualTo("response-types.allowed");
    assertThat(rule.operations()).containsExactly(Operation.REGISTER);
  }

  @Test
  void anUnknownOperationIsAProblemByKey() {
    Executable building = () -> build(Map.of("operations", List.of("create")));

    SetupException e = org.junit.jupiter.api.Assertions.assertThrows(SetupException.class, building);
    assertThat(e.problems()).extracting(ConfigProblem::key).containsExactly("p.rules[0].operations");
  }

  @Test
  void theOpenFinanceProfileChecksUpdatesOnWhatBrm05Lists() throws Exception {
    Profile ofb = Profiles.build(new RegistrationConfig("open-finance-brasil", Optional.empty(),
        RegistrationConfig.SignedRequestForwarding.CLAIMS, Optional.empty(), List.of(), List.of()))
        .get("open-finance-brasil");

    assertThat(ofb.rules()).filteredOn(r -> r.operations().contains(Operation.UPDATE)).extracting(Rule::id)
        .contains("jwks.not-by-value", "jwks-uri.matches-software-statement", "redirect-uris.in-software-statement",
            "scope.allowed-for-roles")
        .doesNotContain("response-types.allowed", "grant-types.allowed", "signing-algs.allowed");
  }
}
