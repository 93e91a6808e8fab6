package io.dcrgateway.policy.rules;

import io.dcrgateway.error.ErrorCodes;
import io.dcrgateway.policy.RegistrationContext;
import io.dcrgateway.policy.Rule;
import io.dcrgateway.policy.RuleParams;
import io.dcrgateway.policy.RuleResult;
import io.dcrgateway.statement.SoftwareStatement;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OFB DCR 7.1-9, 7.1.1-3 and 7.2 (SPEC BR-15, BR-16), UK DCR (UK-15): a client gets only the
 * scopes its directory roles allow. Roles come from the statement's roles-with-status claim
 * (OFB {@code software_statement_roles}, only entries with status Active), falling back to the
 * plain roles claim; {@code role-source: roles} reads only the plain claim. With {@code scope}
 * absent the client is registered with every scope of its active roles (the OFB suite checks the
 * response carries them all), in the order the roles and scopes are configured.
 *
 * <p>Params: {@code roles} (required: role to scopes), {@code role-source} (statement-roles |
 * roles; default statement-roles), {@code on-excess} (reject | reduce; default reject: reduce
 * drops the scopes the roles do not allow), {@code default-to-all} (default true).
 */
public final class ScopeAllowedForRoles implements Rule {

  public static final String ID = "scope.allowed-for-roles";

  private final Map<String, List<String>> roles;
  private final boolean statementRolesFirst;
  private final boolean reduce;
  private final boolean defaultToAll;

  private ScopeAllowedForRoles(Map<String, List<String>> roles, boolean statementRolesFirst, boolean reduce,
      boolean defaultToAll) {
    this.roles = roles;
    this.statementRolesFirst = statementRolesFirst;
    this.reduce = reduce;
    this.defaultToAll = defaultToAll;
  }

  public static Rule create(RuleParams params) {
    params.allow("roles", "role-source", "on-excess", "default-to-all");
    Map<String, List<String>> roles = params.stringLists("roles", Map.of());
    if (roles.isEmpty()) {
      params.problem("roles", "is required: a mapping of directory roles to the scopes they allow,"
          + " e.g. { PAGTO: [openid, payments] }");
    }
    roles.forEach((role, scopes) -> scopes.stream().filter(scope -> scope.isEmpty() || scope.contains(" "))
        .forEach(scope -> params.problem("roles." + role, "scope \"" + scope + "\" must be one non-empty value without spaces")));
    String source = params.choice("role-source", "statement-roles", "statement-roles", "roles");
    String onExcess = params.choice("on-excess", "reject", "reject", "reduce");
    return new ScopeAllowedForRoles(roles, source.equals("statement-roles"),
        onExcess.equals("reduce"), params.bool("default-to-all", true));
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public RuleResult evaluate(RegistrationContext context) {
    if (context.statement().isEmpty()) {
      return RuleResult.pass(); // no roles to check against: software-statement.required's job
    }
    SoftwareStatement statement = context.statement().get();
    List<String> active = activeRoles(statement);
    Set<String> permitted = new LinkedHashSet<>();
    roles.forEach((role, scopes) -> {
      if (active.contains(role)) {
        permitted.addAll(scopes);
      }
    });
    Object value = context.metadata().getValue("scope");
    if (value != null && !(value instanceof String)) {
      return reject("scope must be a string of space-separated scope values, got " + Quoted.json(value));
    }
    Set<String> requested = value == null ? Set.of() : SpaceSeparated.values((String) value);
    if (permitted.isEmpty()) {
      return reject("the software statement grants no active role this server maps to scopes (roles: "
          + (active.isEmpty() ? "none active" : String.join(", ", active)) + "; mapped: "
          + String.join(", ", roles.keySet()) + "), so no scope can be registered");
    }
    if (requested.isEmpty()) {
      return defaultToAll
          ? RuleResult.amend(context.metadata().copy().put("scope", String.join(" ", permitted)))
          : RuleResult.pass();
    }
    List<String> excess = requested.stream().filter(scope -> !permitted.contains(scope)).toList();
    if (excess.isEmpty()) {
      return RuleResult.pass();
    }
    List<String> kept = requested.stream().filter(permitted::contains).toList();
    if (!reduce || kept.isEmpty()) {
      return reject("scope " + String.join(", ", excess) + " not allowed for the software's active roles ("
          + String.join(", ", active) + "); request only: " + String.join(" ", permitted));
    }
    return RuleResult.amend(context.metadata().copy().put("scope", String.join(" ", kept)));
  }

  /** Role names, in the statement's order. */
  private List<String> activeRoles(SoftwareStatement statement) {
    if (statementRolesFirst && statement.claims().getValue(statement.names().statementRoles()) instanceof JsonArray entries) {
      List<String> active = new ArrayList<>();
      for (Object entry : entries) {
        // OFB DCR 7.2: a role with status other than Active (e.g. Inactive) grants nothing.
        if (entry instanceof JsonObject role && role.getValue("role") instanceof String name
            && "Active".equalsIgnoreCase(String.valueOf(role.getValue("status")))) {
          active.add(name);
        }
      }
      return active;
    }
    return statement.strings(statement.names().roles()).orElse(List.of());
  }

  private static RuleResult reject(String description) {
    return RuleResult.reject(ErrorCodes.INVALID_CLIENT_METADATA, description);
  }
}
