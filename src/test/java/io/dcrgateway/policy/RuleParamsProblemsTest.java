package io.dcrgateway.policy;

import static io.dcrgateway.policy.PolicyFixture.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A bad profile fails at start-up with every parameter problem named by its config key. */
class RuleParamsProblemsTest {

  static Stream<String> ids() {
    return RuleCatalog.ids().stream();
  }

  @ParameterizedTest
  @MethodSource("ids")
  void everyRuleReportsAnUnknownParameterByKey(String id) {
    Map<String, Object> params = new java.util.HashMap<>(minimalParams(id));
    params.put("no-such-param", true);
    assertThat(problems(id, params)).singleElement().asString().startsWith("rules[0].no-such-param: unknown parameter");
  }

  @ParameterizedTest
  @MethodSource("ids")
  void everyRuleBuildsFromItsMinimalParams(String id) {
    assertThat(problems(id, minimalParams(id))).isEmpty();
  }

  static Stream<Arguments> badParams() {
    return Stream.of(
        Arguments.of("jwks-uri.matches-software-statement", Map.of("default-from-statement", "yes"),
            "rules[0].default-from-statement: must be true or false"),
        Arguments.of("redirect-uris.https", Map.of("allow-localhost", 1), "rules[0].allow-localhost: must be true or false"),
        Arguments.of("token-endpoint-auth-method.allowed", Map.of("allowed", "private_key_jwt"),
            "rules[0].allowed: must be a list of strings"),
        Arguments.of("token-endpoint-auth-method.allowed", Map.of("allowed", List.of()),
            "rules[0].allowed: must list at least one method"),
        Arguments.of("tls-client-auth.single-subject", Map.of("require-subject-dn", "true"),
            "rules[0].require-subject-dn: must be true or false"),
        Arguments.of("tls-client-auth.subject-dn-matches-certificate", Map.of("on-update", List.of()),
            "rules[0].on-update: must be true or false"),
        Arguments.of("signing-algs.allowed", Map.of("allowed", List.of("PS256", "none")),
            "rules[0].allowed: must not contain none or HS* (a MAC keyed by a shared secret)"),
        Arguments.of("signing-algs.allowed", Map.of("required-fields", List.of("scope")),
            "rules[0].required-fields: \"scope\" is not a field this rule checks"),
        Arguments.of("response-types.allowed", Map.of("allowed", List.of(1)), "rules[0].allowed: must be a list of strings"),
        Arguments.of("grant-types.allowed", Map.of("allowed", List.of()), "rules[0].allowed: must list at least one grant type"),
        Arguments.of("scope.allowed-for-roles", Map.of(), "rules[0].roles: is required"),
        Arguments.of("scope.allowed-for-roles", Map.of("roles", Map.of("PAGTO", "payments")),
            "rules[0].roles.PAGTO: must be a list of strings"),
        Arguments.of("scope.allowed-for-roles", Map.of("roles", Map.of("PAGTO", List.of("openid payments"))),
            "rules[0].roles.PAGTO: scope \"openid payments\" must be one non-empty value without spaces"),
        Arguments.of("scope.allowed-for-roles", Map.of("roles", Map.of("PAGTO", List.of("payments")), "on-excess", "drop"),
            "rules[0].on-excess: must be one of reject, reduce, got \"drop\""),
        Arguments.of("scope.allowed-for-roles", Map.of("roles", Map.of("PAGTO", List.of("payments")), "role-source", "claims"),
            "rules[0].role-source: must be one of statement-roles, roles, got \"claims\""),
        Arguments.of("certificate.bound-to-statement", Map.of("software-id-from", "dn"),
            "rules[0].software-id-from: must be one of uid, cn, none, got \"dn\""),
        Arguments.of("certificate.bound-to-statement", Map.of("error", "access_denied"),
            "rules[0].error: must be one of invalid_software_statement, unapproved_software_statement,"
                + " invalid_client_metadata, got \"access_denied\""),
        Arguments.of("certificate.bound-to-statement", Map.of("software-id-from", "none", "org-id-from", "none"),
            "rules[0].software-id-from: and org-id-from are both none"),
        Arguments.of("metadata.from-statement", Map.of("mode", "merge"),
            "rules[0].mode: must be one of override, fill, reject, got \"merge\""),
        Arguments.of("metadata.from-statement", Map.of("fields", Map.of("software_statement", "x")),
            "rules[0].fields.software_statement: software_statement is echoed unmodified"),
        Arguments.of("metadata.from-statement", Map.of("fields", Map.of("client_name", List.of())),
            "rules[0].fields.client_name: must be a string"),
        Arguments.of("required-fields", Map.of(), "rules[0].fields: is required"),
        Arguments.of("required-fields", Map.of("fields", List.of(true)), "rules[0].fields: must be a list of strings"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("badParams")
  void reportsBadParameterValuesByKey(String id, Map<String, Object> params, String problem) {
    assertThat(problems(id, params)).anySatisfy(reported -> assertThat(reported).startsWith(problem));
  }

  /** The params a rule cannot do without. */
  static Map<String, Object> minimalParams(String id) {
    return switch (id) {
      case "scope.allowed-for-roles" -> Map.of("roles", Map.of("PAGTO", List.of("openid", "payments")));
      case "required-fields" -> Map.of("fields", List.of("redirect_uris"));
      case "redirect-uris.match-patterns" -> Map.of("private-use-schemes", List.of("com.example.app"));
      default -> Map.of();
    };
  }
}
