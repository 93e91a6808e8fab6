package io.dcrgateway.ownership;

import io.dcrgateway.dn.AttributeType;
import io.dcrgateway.dn.SubjectAttributes;
import io.dcrgateway.tls.CertificateMemo;
import io.dcrgateway.tls.VerifiedClient;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The software and organisation ids a client certificate can stand for, in the layouts the
 * ecosystems use: Open Finance Brasil (UID = software_id; organizationIdentifier OFBBR-org_id,
 * or OU = org_id on older certificates) and UK Open Banking (CN = software_id, OU = org_id).
 */
public record CertificateIdentity(Set<String> softwareIds, Set<String> orgIds) {

  private static final List<String> ORG_PREFIXES = List.of("OFBBR-");

  /** Read-only: one instance serves every request of a client. */
  public CertificateIdentity {
    softwareIds = Collections.unmodifiableSet(softwareIds);
    orgIds = Collections.unmodifiableSet(orgIds);
  }

  private static final CertificateMemo.Key<CertificateIdentity> KEY = new CertificateMemo.Key<>("ownership-identity");

  /** Once per verified client: every management call and registration asks. */
  public static CertificateIdentity of(VerifiedClient client) {
    return client.memo().get(KEY, () -> of(SubjectAttributes.of(client.subjectName())));
  }

  private static CertificateIdentity of(SubjectAttributes subject) {
    // All values, not the single-value getters: a subject with two UIDs must not fail the
    // request, and matching against every value is no weaker (each must still equal the owner's).
    Set<String> software = new LinkedHashSet<>(subject.values(AttributeType.UID));
    software.addAll(subject.values(AttributeType.COMMON_NAME));
    Set<String> orgs = new LinkedHashSet<>();
    subject.values(AttributeType.ORGANIZATION_IDENTIFIER).forEach(oi -> orgs.add(stripPrefix(oi)));
    orgs.addAll(subject.values(AttributeType.ORGANIZATIONAL_UNIT));
    return new CertificateIdentity(software, orgs);
  }

  /** The organisation the certificate names first, if it names one. */
  public java.util.Optional<String> organisation() {
    return orgIds.stream().findFirst();
  }

  boolean belongsTo(SoftwareIdentity owner) {
    return softwareIds.contains(owner.softwareId()) && orgIds.contains(owner.orgId());
  }

  SoftwareIdentity primary() {
    return new SoftwareIdentity(softwareIds.stream().findFirst().orElse(""), orgIds.stream().findFirst().orElse(""));
  }

  String describe() {
    return "software " + String.join("/", softwareIds) + ", organisation " + String.join("/", orgIds);
  }

  private static String stripPrefix(String organizationIdentifier) {
    return ORG_PREFIXES.stream().filter(organizationIdentifier::startsWith).findFirst()
        .map(p -> organizationIdentifier.substring(p.length())).orElse(organizationIdentifier);
  }
}
