package io.dcrgateway.policy.rules;

import io.dcrgateway.dn.AmbiguousAttributeException;
import io.dcrgateway.dn.AttributeType;
import io.dcrgateway.dn.OfbOrgId;
import io.dcrgateway.dn.SubjectAttributes;
import io.dcrgateway.error.ErrorCodes;
import io.dcrgateway.policy.RegistrationContext;
import io.dcrgateway.policy.Rule;
import io.dcrgateway.policy.RuleParams;
import io.dcrgateway.policy.RuleResult;
import io.dcrgateway.statement.SoftwareStatement;
import io.dcrgateway.tls.CertificateMemo;
import java.util.Optional;

/**
 * OFB DCR 7.1-13, 7.1-14 and 9.3.1 (SPEC BR-04, BR-05, BRM-03), UK directory "Request
 * Validation" (UK-17): the TPP on the TLS connection is the one the software statement was issued
 * to. Without it, a TPP holding a leaked or copied statement of another software could register
 * a client in that software's name with its own certificate. Applies to updates too: a management
 * call from another software's certificate is refused.
 *
 * <p>Params: {@code software-id-from} (uid | cn | none; default uid: OFB puts software_id in UID,
 * the UK directory in CN), {@code org-id-from} (organization-identifier-or-ou |
 * organization-identifier | ou | none; default organization-identifier-or-ou: OFB certificates
 * after 2022-08-31 carry {@code OFBBR-<org_id>} in organizationIdentifier, older ones org_id in OU,
 * and both are valid during coexistence), {@code org-id-prefix} (default OFBBR-), {@code error}
 * (default invalid_software_statement; UK uses unapproved_software_statement).
 */
public final class CertificateBoundToStatement implements Rule {

  public static final String ID = "certificate.bound-to-statement";
  /** The client's parsed subject, kept with the certificate: every registration of the client asks. */
  private static final CertificateMemo.Key<SubjectAttributes> SUBJECT = new CertificateMemo.Key<>("subject-attributes");

  private final String softwareIdFrom;
  private final String orgIdFrom;
  private final String orgIdPrefix;
  private final String error;

  private CertificateBoundToStatement(String softwareIdFrom, String orgIdFrom, String orgIdPrefix, String error) {
    this.softwareIdFrom = softwareIdFrom;
    this.orgIdFrom = orgIdFrom;
    this.orgIdPrefix = orgIdPrefix;
    this.error = error;
  }

  public static Rule create(RuleParams params) {
    params.allow("software-id-from", "org-id-from", "org-id-prefix", "error");
    String softwareIdFrom = params.choice("software-id-from", "uid", "uid", "cn", "none");
    String orgIdFrom = params.choice("org-id-from", "organization-identifier-or-ou",
        "organization-identifier-or-ou", "organization-identifier", "ou", "none");
    String prefix = params.string("org-id-prefix", "OFBBR-");
    String error = params.choice("error", ErrorCodes.INVALID_SOFTWARE_STATEMENT,
        ErrorCodes.INVALID_SOFTWARE_STATEMENT, ErrorCodes.UNAPPROVED_SOFTWARE_STATEMENT,
        ErrorCodes.INVALID_CLIENT_METADATA);
    if (softwareIdFrom.equals("none") && orgIdFrom.equals("none")) {
      params.problem("software-id-from", "and org-id-from are both none: the rule would check nothing;"
          + " remove it from the profile instead");
    }
    return new CertificateBoundToStatement(softwareIdFrom, orgIdFrom, prefix, error);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public RuleResult evaluate(RegistrationContext context) {
    if (context.statement().isEmpty()) {
      return RuleResult.pass(); // nothing to bind to: software-statement.required's job
    }
    if (context.client() == null) {
      // A route without client certificates: fail closed rather than bind to nothing.
      return RuleResult.reject(error, "the software statement must be presented with a client certificate");
    }
    SoftwareStatement statement = context.statement().get();
    SubjectAttributes subject = context.client().memo().get(SUBJECT,
        () -> SubjectAttributes.of(context.client().subjectName()));
    try {
      Optional<String> mismatch = softwareIdMismatch(subject, statement);
      if (mismatch.isEmpty()) {
        mismatch = orgIdMismatch(subject, statement);
      }
      return mismatch.map(description -> RuleResult.reject(error, description)).orElse(RuleResult.pass());
    } catch (AmbiguousAttributeException e) {
      return RuleResult.reject(error, e.getMessage() + " (" + String.join(", ", e.values())
          + "); register with a certificate that names the TPP once");
    }
  }

  private Optional<String> softwareIdMismatch(SubjectAttributes subject, SoftwareStatement statement) {
    if (softwareIdFrom.equals("none")) {
      return Optional.empty();
    }
    String attribute = softwareIdFrom.equals("uid") ? "UID" : "CN";
    Optional<String> inCertificate = softwareIdFrom.equals("uid") ? subject.uid() : subject.commonName();
    return compare("the client certificate's " + attribute, inCertificate, statement.names().softwareId(),
        statement.softwareId());
  }

  private Optional<String> orgIdMismatch(SubjectAttributes subject, SoftwareStatement statement) {
    String what;
    Optional<String> inCertificate;
    switch (orgIdFrom) {
      case "none" -> {
        return Optional.empty();
      }
      case "ou" -> {
        what = "the client certificate's OU";
        inCertificate = subject.single(AttributeType.ORGANIZATIONAL_UNIT);
      }
      case "organization-identifier" -> {
        what = "the client certificate's organizationIdentifier (after the prefix " + orgIdPrefix + ")";
        inCertificate = subject.organizationIdentifier()
            .filter(identifier -> identifier.regionMatches(true, 0, orgIdPrefix, 0, orgIdPrefix.length()))
            .map(identifier -> identifier.substring(orgIdPrefix.length()));
      }
      default -> {
        Optional<OfbOrgId> orgId = subject.ofbOrgId(orgIdPrefix);
        what = orgId.map(id -> switch (id.source()) {
          case ORGANIZATION_IDENTIFIER -> "the client certificate's organizationIdentifier (after the prefix "
              + orgIdPrefix + ")";
          case ORGANIZATIONAL_UNIT -> "the client certificate's OU";
        }).orElse("the client certificate's organizationIdentifier (" + orgIdPrefix + "<org_id>) or OU");
        inCertificate = orgId.map(OfbOrgId::value);
      }
    }
    return compare(what, inCertificate, statement.names().orgId(), statement.orgId());
  }

  private static Optional<String> compare(String what, Optional<String> inCertificate, String claim,
      Optional<String> inStatement) {
    if (inStatement.isEmpty()) {
      return Optional.of("the software statement has no " + claim + " to bind the client certificate to");
    }
    if (inCertificate.isEmpty()) {
      return Optional.of(what + " is missing; the certificate must carry the software statement's " + claim
          + " " + inStatement.get());
    }
    if (!inCertificate.get().equals(inStatement.get())) {
      return Optional.of(what + " " + inCertificate.get() + " is not the software statement's " + claim + " "
          + inStatement.get() + "; register with the certificate issued for this software");
    }
    return Optional.empty();
  }
}
