package io.dcrgateway.policy.rules;

import io.dcrgateway.error.ErrorCodes;
import io.dcrgateway.policy.RegistrationContext;
import io.dcrgateway.policy.Rule;
import io.dcrgateway.policy.RuleParams;
import io.dcrgateway.policy.RuleResult;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 8705 §2.1.2 (SPEC RFC-10): a {@code tls_client_auth} client names its certificate by exactly
 * one of the subject DN or a SAN; two would leave the identity server to guess which to match.
 * OFB DCR 7.1-12 (BR-13) and UK DCR (UK-11) go further: the subject DN, and no SAN parameter
 * ({@code require-subject-dn: true}).
 *
 * <p>Params: {@code require-subject-dn} (default false).
 */
public final class TlsClientAuthSingleSubject implements Rule {

  public static final String ID = "tls-client-auth.single-subject";

  static final String SUBJECT_DN = "tls_client_auth_subject_dn";
  private static final List<String> SANS = List.of(
      "tls_client_auth_san_dns", "tls_client_auth_san_uri", "tls_client_auth_san_ip", "tls_client_auth_san_email");

  private final boolean requireSubjectDn;

  private TlsClientAuthSingleSubject(boolean requireSubjectDn) {
    this.requireSubjectDn = requireSubjectDn;
  }

  public static Rule create(RuleParams params) {
    params.allow("require-subject-dn");
    return new TlsClientAuthSingleSubject(params.bool("require-subject-dn", false));
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public RuleResult evaluate(RegistrationContext context) {
    JsonObject metadata = context.metadata();
    if (!"tls_client_auth".equals(metadata.getValue("token_endpoint_auth_method"))) {
      return RuleResult.pass();
    }
    List<String> sans = SANS.stream().filter(metadata::containsKey).toList();
    if (requireSubjectDn) {
      if (!metadata.containsKey(SUBJECT_DN)) {
        return reject("token_endpoint_auth_method tls_client_auth requires " + SUBJECT_DN
            + ": the subject DN of the client certificate in RFC 4514 form");
      }
      if (!sans.isEmpty()) {
        return reject("with tls_client_auth only " + SUBJECT_DN + " identifies the certificate; remove "
            + String.join(", ", sans));
      }
    } else {
      List<String> present = new ArrayList<>();
      if (metadata.containsKey(SUBJECT_DN)) {
        present.add(SUBJECT_DN);
      }
      present.addAll(sans);
      if (present.size() != 1) {
        return reject("token_endpoint_auth_method tls_client_auth needs exactly one of " + SUBJECT_DN + ", "
            + String.join(", ", SANS) + " (RFC 8705 §2.1.2), got "
            + (present.isEmpty() ? "none" : String.join(", ", present)));
      }
    }
    String field = metadata.containsKey(SUBJECT_DN) ? SUBJECT_DN : sans.get(0);
    if (!(metadata.getValue(field) instanceof String value) || value.isBlank()) {
      return reject(field + " must be a non-empty string, got " + Quoted.json(metadata.getValue(field)));
    }
    return RuleResult.pass();
  }

  private static RuleResult reject(String description) {
    return RuleResult.reject(ErrorCodes.INVALID_CLIENT_METADATA, description);
  }
}
