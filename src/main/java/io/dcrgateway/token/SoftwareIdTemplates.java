package io.dcrgateway.token;

import io.dcrgateway.config.InitialAccessTokenConfig.Template;
import io.dcrgateway.error.ErrorCodes;
import io.dcrgateway.error.GatewayException;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Templatized DCR: a registration naming only a {@code software_id} asks the identity server to
 * create a client from the template client of that id. Which templates a token may use is
 * configuration: by the token's client (a partner back end) or by a claim of the signed-in user.
 * A templatized request is forwarded as is; the template, not the request, decides the metadata,
 * so a request mixing a template with metadata of its own is refused rather than half-checked.
 */
public final class SoftwareIdTemplates {

  /** Fields a templatized request may carry besides the template's id (RFC 7591 §2). */
  private static final Set<String> TEMPLATE_FIELDS = Set.of("software_id", "software_version");

  private final List<Template> templates;

  public SoftwareIdTemplates(List<Template> templates) {
    this.templates = List.copyOf(templates);
  }

  /**
   * @return the template a templatized request names, checked against the allow-list; empty for
   *     an ordinary registration (no templates on the route, or no {@code software_id})
   */
  public Optional<String> templateOf(JsonObject metadata, InitialAccessToken token) {
    if (templates.isEmpty() || !metadata.containsKey("software_id")) {
      return Optional.empty();
    }
    if (!(metadata.getValue("software_id") instanceof String softwareId)) {
      throw refused("template.malformed", "software_id must be a string naming a template");
    }
    Template template = templates.stream().filter(t -> t.softwareId().equals(softwareId)).findFirst()
        .orElseThrow(() -> refused("template.unknown", "software_id \"" + softwareId + "\" is not a template"
            + " this endpoint registers from"));
    if (!allows(template, token)) {
      throw refused("template.not-allowed", "this initial access token may not register from template \""
          + softwareId + "\"");
    }
    List<String> extra = metadata.fieldNames().stream().filter(f -> !TEMPLATE_FIELDS.contains(f)).sorted().toList();
    if (!extra.isEmpty()) {
      throw refused("template.extra-metadata", "a registration from template \"" + softwareId + "\" carries"
          + " software_id only; the template decides " + String.join(", ", extra));
    }
    return Optional.of(softwareId);
  }

  private static boolean allows(Template template, InitialAccessToken token) {
    if (template.clients().isEmpty() && template.claim().isEmpty()) {
      return true;
    }
    boolean byClient = token.clientId().filter(template.clients()::contains).isPresent();
    boolean byClaim = template.claim()
        .filter(claim -> template.values().stream().anyMatch(value -> token.claimHolds(claim, value)))
        .isPresent();
    return byClient || byClaim;
  }

  private static GatewayException refused(String reason, String description) {
    return new GatewayException(400, ErrorCodes.INVALID_CLIENT_METADATA, reason, description);
  }
}
