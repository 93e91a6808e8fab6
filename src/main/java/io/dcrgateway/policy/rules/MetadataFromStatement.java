package io.dcrgateway.policy.rules;

import io.dcrgateway.config.DirectoryConfig.ClaimNames;
import io.dcrgateway.error.ErrorCodes;
import io.dcrgateway.policy.RegistrationContext;
import io.dcrgateway.policy.Rule;
import io.dcrgateway.policy.RuleParams;
import io.dcrgateway.policy.RuleResult;
import io.dcrgateway.statement.SoftwareStatement;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * RFC 7591 §3.1.1 (SPEC RFC-04), OFB DCR 7.1-10 (BR-17): values in the software statement take
 * precedence over the same values sent as plain metadata, so what users see (name, logo, terms)
 * is what the directory approved.
 *
 * <p>Params: {@code fields} (metadata field to statement claim; the claim is either a role of the
 * directory's claim names, e.g. {@code clientName}, or a literal claim name; default client_name,
 * client_uri, logo_uri, policy_uri, tos_uri and jwks_uri), {@code mode}: {@code override} (the
 * statement's value replaces the sent one), {@code fill} (only where the field is absent) or
 * {@code reject} (a differing value is refused; nothing is amended). {@code software_statement}
 * itself is never touched: RFC 7591 §3.2.1 echoes it unmodified.
 */
public final class MetadataFromStatement implements Rule {

  public static final String ID = "metadata.from-statement";

  private enum Mode { OVERRIDE, FILL, REJECT }

  private static final Map<String, String> DEFAULT_FIELDS = defaults();

  private final Map<String, String> fields;
  private final Mode mode;

  private MetadataFromStatement(Map<String, String> fields, Mode mode) {
    this.fields = fields;
    this.mode = mode;
  }

  public static Rule create(RuleParams params) {
    params.allow("fields", "mode");
    Map<String, String> fields = new LinkedHashMap<>(params.stringMap("fields", DEFAULT_FIELDS));
    if (fields.remove("software_statement") != null) {
      params.problem("fields.software_statement", "software_statement is echoed unmodified (RFC 7591 §3.2.1);"
          + " it cannot be taken from a claim");
    }
    if (fields.isEmpty()) {
      params.problem("fields", "must map at least one metadata field to a statement claim");
    }
    fields.forEach((field, claim) -> {
      if (claim.isEmpty()) {
        params.problem("fields." + field, "must name a claim, or one of the directory's claim roles"
            + " (clientName, clientUri, logoUri, policyUri, tosUri, jwksUri, redirectUris, softwareId, orgId, ...)");
      }
    });
    Mode mode = Mode.valueOf(params.choice("mode", "override", "override", "fill", "reject").toUpperCase(Locale.ROOT));
    return new MetadataFromStatement(fields, mode);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public RuleResult evaluate(RegistrationContext context) {
    if (context.statement().isEmpty()) {
      return RuleResult.pass();
    }
    SoftwareStatement statement = context.statement().get();
    JsonObject metadata = context.metadata();
    JsonObject amended = null;
    for (var entry : fields.entrySet()) {
      String field = entry.getKey();
      String claim = claimName(statement.names(), entry.getValue());
      Object signed = statement.claims().getValue(claim);
      // RFC 7591 §2: jwks_uri never joins a jwks sent by value (jwks.not-both / not-by-value decide).
      if (signed == null || field.equals("jwks_uri") && metadata.containsKey("jwks")) {
        continue;
      }
      Object sent = metadata.getValue(field);
      if (signed.equals(sent)) {
        continue;
      }
      if (sent != null && mode == Mode.REJECT) {
        return RuleResult.reject(ErrorCodes.INVALID_CLIENT_METADATA, field + " must match the software statement's "
            + claim + " " + Quoted.json(signed) + " (or be omitted), got " + Quoted.json(sent));
      }
      if (sent == null && mode != Mode.REJECT || sent != null && mode == Mode.OVERRIDE) {
        if (amended == null) {
          amended = metadata.copy();
        }
        amended.put(field, copyOf(signed));
      }
    }
    return amended == null ? RuleResult.pass() : RuleResult.amend(amended);
  }

  private static Object copyOf(Object value) {
    if (value instanceof JsonObject object) {
      return object.copy();
    }
    return value instanceof JsonArray array ? array.copy() : value;
  }

  /** A role of the directory's claim names (e.g. clientName), or else the claim name itself. */
  static String claimName(ClaimNames names, String roleOrClaim) {
    return switch (roleOrClaim) {
      case "softwareId" -> names.softwareId();
      case "orgId" -> names.orgId();
      case "redirectUris" -> names.redirectUris();
      case "jwksUri" -> names.jwksUri();
      case "roles" -> names.roles();
      case "statementRoles" -> names.statementRoles();
      case "clientName" -> names.clientName();
      case "clientUri" -> names.clientUri();
      case "logoUri" -> names.logoUri();
      case "policyUri" -> names.policyUri();
      case "tosUri" -> names.tosUri();
      default -> roleOrClaim;
    };
  }

  private static Map<String, String> defaults() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("client_name", "clientName");
    fields.put("client_uri", "clientUri");
    fields.put("logo_uri", "logoUri");
    fields.put("policy_uri", "policyUri");
    fields.put("tos_uri", "tosUri");
    fields.put("jwks_uri", "jwksUri");
    return fields;
  }
}
