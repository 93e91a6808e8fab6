package io.dcrgateway.dn;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.security.auth.x500.X500Principal;

/**
 * The decoded attributes of a client certificate subject that the ecosystem rules read: the OFB
 * Cert Std layout (SPEC BR-03) and the UK transport layout (UK-17). Values are text, whatever
 * string type the certificate used.
 *
 * <p>Single-valued accessors throw {@link AmbiguousAttributeException} when the subject carries
 * different values of the attribute, rather than choose one.
 *
 * <p>An instance may be kept with its certificate and read by every request of the client: the
 * values of each type are collected once, at the first ask.
 */
public final class SubjectAttributes {

  private final DistinguishedName subject;
  private final Map<AttributeType, List<String>> valuesByType = new ConcurrentHashMap<>(4);
  private final Map<AttributeType, List<String>> distinctByType = new ConcurrentHashMap<>(4);

  private SubjectAttributes(DistinguishedName subject) {
    this.subject = subject;
  }

  public static SubjectAttributes of(DistinguishedName subject) {
    return new SubjectAttributes(Objects.requireNonNull(subject, "subject"));
  }

  public static SubjectAttributes of(X500Principal subject) {
    return of(DistinguishedName.of(subject));
  }

  public static SubjectAttributes of(X509Certificate certificate) {
    return of(DistinguishedName.subjectOf(certificate));
  }

  public DistinguishedName subject() {
    return subject;
  }

  /**
   * Every text value of the type, in RFC 4514 string order (most specific RDN first). A value that
   * is not a character string has no text and is left out: it cannot equal an SSA claim anyway.
   */
  public List<String> values(AttributeType type) {
    return valuesByType.computeIfAbsent(type, this::collect);
  }

  private List<String> collect(AttributeType type) {
    return subject.rdns().stream()
        .flatMap(rdn -> rdn.typesAndValues().stream())
        .filter(typeAndValue -> typeAndValue.type().equals(type))
        .flatMap(typeAndValue -> typeAndValue.value().text().stream())
        .toList();
  }

  /**
   * The one value of the type, or empty when absent.
   *
   * @throws AmbiguousAttributeException when the subject carries different values of it
   */
  public Optional<String> single(AttributeType type) {
    List<String> distinct = distinctByType.computeIfAbsent(type, t -> values(t).stream().distinct().toList());
    if (distinct.size() > 1) {
      throw new AmbiguousAttributeException(type, distinct);
    }
    return distinct.stream().findFirst();
  }

  /** OFB: the software_id (BR-03, BR-04). */
  public Optional<String> uid() {
    return single(AttributeType.UID);
  }

  /** e.g. {@code OFBBR-<org_id>} (OFB) or {@code PSDGB-FCA-123456} (eIDAS). */
  public Optional<String> organizationIdentifier() {
    return single(AttributeType.ORGANIZATION_IDENTIFIER);
  }

  /** OU may legitimately repeat, so all of them. */
  public List<String> organizationalUnits() {
    return values(AttributeType.ORGANIZATIONAL_UNIT);
  }

  public Optional<String> commonName() {
    return single(AttributeType.COMMON_NAME);
  }

  /** OFB: the CNPJ. */
  public Optional<String> serialNumber() {
    return single(AttributeType.SERIAL_NUMBER);
  }

  public Optional<String> organization() {
    return single(AttributeType.ORGANIZATION);
  }

  public Optional<String> country() {
    return single(AttributeType.COUNTRY);
  }

  public Optional<String> jurisdictionCountry() {
    return single(AttributeType.JURISDICTION_COUNTRY);
  }

  public Optional<String> businessCategory() {
    return single(AttributeType.BUSINESS_CATEGORY);
  }

  /** {@link #ofbOrgId(String)} with the OFB Cert Std prefix {@code OFBBR-}. */
  public Optional<OfbOrgId> ofbOrgId() {
    return ofbOrgId(OfbOrgId.DEFAULT_PREFIX);
  }

  /**
   * SPEC BR-05: the org_id from organizationIdentifier with the prefix stripped; failing that, from
   * the single OU of a legacy certificate. Both layouts must be accepted during coexistence.
   */
  public Optional<OfbOrgId> ofbOrgId(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    Optional<OfbOrgId> fromIdentifier = organizationIdentifier()
        .filter(identifier -> identifier.length() > prefix.length())
        .filter(identifier -> identifier.regionMatches(true, 0, prefix, 0, prefix.length()))
        .map(identifier -> new OfbOrgId(identifier.substring(prefix.length()), OfbOrgId.Source.ORGANIZATION_IDENTIFIER));
    if (fromIdentifier.isPresent()) {
      return fromIdentifier;
    }
    return single(AttributeType.ORGANIZATIONAL_UNIT)
        .map(unit -> new OfbOrgId(unit, OfbOrgId.Source.ORGANIZATIONAL_UNIT));
  }

  @Override
  public String toString() {
    return subject.toString();
  }
}
