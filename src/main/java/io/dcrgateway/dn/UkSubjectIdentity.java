package io.dcrgateway.dn;

import java.util.Optional;

/**
 * Who a UK Open Banking client certificate says the TPP is (SPEC UK-17), to compare with the SSA:
 * directory transport certificates read {@code CN=<software_id>,OU=<org_id>,O=OpenBanking,C=GB};
 * eIDAS QWACs carry a PSD2 organizationIdentifier such as {@code PSDGB-FCA-123456} instead.
 */
public final class UkSubjectIdentity {

  private final SubjectAttributes subject;

  private UkSubjectIdentity(SubjectAttributes subject) {
    this.subject = subject;
  }

  public static UkSubjectIdentity of(SubjectAttributes subject) {
    return new UkSubjectIdentity(subject);
  }

  /** The CN of an OB directory transport certificate. */
  public Optional<String> softwareId() {
    return subject.commonName();
  }

  /** The OU of an OB directory transport certificate. */
  public Optional<String> orgId() {
    return subject.single(AttributeType.ORGANIZATIONAL_UNIT);
  }

  /** The PSD2 organizationIdentifier of an eIDAS certificate; empty when absent or not in PSD2 form. */
  public Optional<Psd2OrganizationIdentifier> psd2OrganizationIdentifier() {
    return subject.organizationIdentifier().flatMap(Psd2OrganizationIdentifier::parse);
  }
}
