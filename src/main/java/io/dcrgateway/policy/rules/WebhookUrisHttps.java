package io.dcrgateway.policy.rules;

import io.dcrgateway.policy.RegistrationContext;
import io.dcrgateway.policy.Rule;
import io.dcrgateway.policy.RuleParams;
import io.dcrgateway.policy.RuleResult;
import io.vertx.core.json.JsonArray;
import java.util.regex.Pattern;

/**
 * OFB DCR/DCM swagger (SPEC BR-19): each {@code webhook_uris} entry is an https URI with a host
 * and path segments only: no query, no fragment, no trailing slash (the pattern is the swagger's).
 */
public final class WebhookUrisHttps implements Rule {

  public static final String ID = "webhook-uris.https";

  /** OFB's own error code for this field; not one of RFC 7591's. */
  static final String INVALID_WEBHOOK_URIS = "invalid_webhook_uris";

  private static final Pattern WEBHOOK_URI = Pattern.compile("^(https:\\/\\/[^\\s\\/?#]+(?:\\/[^\\s\\/?#]+)*)$");

  public static Rule create(RuleParams params) {
    params.allow();
    return new WebhookUrisHttps();
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public RuleResult evaluate(RegistrationContext context) {
    Object value = context.metadata().getValue("webhook_uris");
    if (value == null) {
      return RuleResult.pass();
    }
    if (!(value instanceof JsonArray uris)) {
      return RuleResult.reject(INVALID_WEBHOOK_URIS, "webhook_uris must be a JSON array of https URIs, got "
          + Quoted.json(value));
    }
    for (int i = 0; i < uris.size(); i++) {
      if (!(uris.getValue(i) instanceof String uri) || !WEBHOOK_URI.matcher(uri).matches()) {
        return RuleResult.reject(INVALID_WEBHOOK_URIS, "webhook_uris[" + i + "] " + Quoted.json(uris.getValue(i))
            + " must be an https URI of host and path only (https://host/path): no query, fragment,"
            + " spaces or trailing slash");
      }
    }
    return RuleResult.pass();
  }
}
