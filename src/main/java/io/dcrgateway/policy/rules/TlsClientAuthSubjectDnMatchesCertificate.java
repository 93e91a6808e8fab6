package io.dcrgateway.policy.rules;

import io.dcrgateway.dn.DistinguishedName;
import io.dcrgateway.dn.DistinguishedNameSyntaxException;
import io.dcrgateway.dn.OfbStrictForm;
import io.dcrgateway.error.ErrorCodes;
import io.dcrgateway.policy.Operation;
import io.dcrgateway.policy.RegistrationContext;
import io.dcrgateway.policy.Rule;
import io.dcrgateway.policy.RuleParams;
import io.dcrgateway.policy.RuleResult;
import java.util.List;
import java.util.Set;

/**
 * RFC 8705 §2.1 and §2.1.2, OFB DCR 7.1-11, 7.1.2 and 7.3 (SPEC BR-14): the registered
 * {@code tls_client_auth_subject_dn} is an RFC 4514 name that matches, by RFC 4517
 * distinguishedNameMatch, the certificate the client registers with; otherwise the identity
 * server would accept token requests from a certificate the TPP never proved it holds.
 *
 * <p>Only on registration by default: OFB DCM (BRM-08) lets an update move the client to another
 * certificate of the same software while the request still arrives on the old one.
 *
 * <p>Params: {@code match-certificate} (default true; false checks the syntax only),
 * {@code strict-ofb-form} (default false; OFB ID2/ID3 §7.1.2: short names only for CN, L, ST, O,
 * OU, C, STREET, DC, UID, every other type as dotted OID with a #hex value), {@code on-update}
 * (default false).
 */
public final class TlsClientAuthSubjectDnMatchesCertificate implements Rule {

  public static final String ID = "tls-client-auth.subject-dn-matches-certificate";

  private static final String FIELD = TlsClientAuthSingleSubject.SUBJECT_DN;

  private final boolean matchCertificate;
  private final boolean strictOfbForm;
  private final Set<Operation> operations;

  private TlsClientAuthSubjectDnMatchesCertificate(boolean matchCertificate, boolean strictOfbForm, boolean onUpdate) {
    this.matchCertificate = matchCertificate;
    this.strictOfbForm = strictOfbForm;
    this.operations = onUpdate ? Set.of(Operation.REGISTER, Operation.UPDATE) : Set.of(Operation.REGISTER);
  }

  public static Rule create(RuleParams params) {
    params.allow("match-certificate", "strict-ofb-form", "on-update");
    return new TlsClientAuthSubjectDnMatchesCertificate(
        params.bool("match-certificate", true), params.bool("strict-ofb-form", false), params.bool("on-update", false));
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Set<Operation> operations() {
    return operations;
  }

  @Override
  public RuleResult evaluate(RegistrationContext context) {
    Object value = context.metadata().getValue(FIELD);
    if (value == null) {
      return RuleResult.pass(); // whether it is required is tls-client-auth.single-subject's job
    }
    if (!(value instanceof String text)) {
      return reject(FIELD + " must be a string holding an RFC 4514 distinguished name, got " + Quoted.json(value));
    }
    DistinguishedName registered;
    try {
      registered = DistinguishedName.parse(text);
    } catch (DistinguishedNameSyntaxException e) {
      return reject(e.describing(FIELD));
    }
    if (strictOfbForm) {
      List<String> problems = OfbStrictForm.problemsIn(registered);
      if (!problems.isEmpty()) {
        return reject(FIELD + " is not in the form OFB DCR §7.1.2 requires: " + String.join("; ", problems));
      }
    }
    if (matchCertificate && context.client() == null) {
      return reject(FIELD + " cannot be compared with a client certificate: none is used on this route");
    }
    if (matchCertificate) {
      DistinguishedName presented = context.client().subjectName();
      if (!registered.matches(presented)) {
        return reject(FIELD + " does not match the subject of the client certificate used for this request;"
            + " register that subject, e.g. \"" + presented + "\" (compared with RFC 4517 distinguishedNameMatch:"
            + " same RDNs in the same order, values case-insensitive)");
      }
    }
    return RuleResult.pass();
  }

  private static RuleResult reject(String description) {
    return RuleResult.reject(ErrorCodes.INVALID_CLIENT_METADATA, description);
  }
}
