package io.dcrgateway.dn;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * A distinguished name, from a {@code tls_client_auth_subject_dn} string (RFC 8705 §2.1.2) or a
 * certificate subject, compared the way RFC 8705 §2.1 asks: RFC 4517 §4.2.15
 * distinguishedNameMatch, not string equality. Tools print one subject several ways (SPEC
 * Appendix D §3) and {@code X500Principal.equals} does not equate {@code 2.5.4.15=#13...} with
 * {@code businessCategory=Private Organization}; {@link #matches} does.
 *
 * <p>Equality ({@link #equals}) is the same match, so a name can be a map key.
 */
public final class DistinguishedName {

  private final String text;
  private final List<RelativeDistinguishedName> rdns;
  private final List<List<String>> matchKeys;

  private DistinguishedName(String text, List<RelativeDistinguishedName> rdns) {
    this.text = text;
    this.rdns = List.copyOf(rdns);
    this.matchKeys = this.rdns.stream().map(RelativeDistinguishedName::matchKeys).toList();
  }

  /**
   * Reads an RFC 4514 string: RFC 2253 output of Java and OpenSSL, dotted OIDs with {@code #hex}
   * values, and the names tools print for the OFB attributes.
   *
   * @throws DistinguishedNameSyntaxException naming the problem and its position
   */
  public static DistinguishedName parse(String text) {
    Objects.requireNonNull(text, "text");
    return new DistinguishedName(text, Rfc4514Parser.parse(text));
  }

  /** The name a principal encodes; its string form is Java's RFC 2253 one, as the OIDF suite sends. */
  public static DistinguishedName of(X500Principal principal) {
    X500Name name = X500Name.getInstance(principal.getEncoded());
    List<RelativeDistinguishedName> rdns = new ArrayList<>();
    for (RDN rdn : name.getRDNs()) {
      rdns.add(relativeDistinguishedName(rdn));
    }
    // RFC 4514 §2.1: the string form lists RDNs last-to-first of the ASN.1 sequence.
    Collections.reverse(rdns);
    return new DistinguishedName(principal.getName(X500Principal.RFC2253), rdns);
  }

  public static DistinguishedName subjectOf(X509Certificate certificate) {
    return of(certificate.getSubjectX500Principal());
  }

  private static RelativeDistinguishedName relativeDistinguishedName(RDN rdn) {
    List<AttributeTypeAndValue> typesAndValues = new ArrayList<>();
    for (org.bouncycastle.asn1.x500.AttributeTypeAndValue encoded : rdn.getTypesAndValues()) {
      AttributeType type = new AttributeType(encoded.getType().getId());
      AttributeValue value;
      try {
        value = AttributeValue.ofEncoding(encoded.getValue().toASN1Primitive().getEncoded(ASN1Encoding.DER));
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot re-encode a value of " + type, e);
      }
      // Written as RFC 4514 §2.3-2.4 (and Java's getName()) would: short name with text, else OID=#hex.
      boolean byName = type.rfc4514Name().isPresent() && value.text().isPresent();
      String typeAsWritten = byName ? type.rfc4514Name().get() : type.oid();
      typesAndValues.add(new AttributeTypeAndValue(type, value, typeAsWritten, !byName));
    }
    return new RelativeDistinguishedName(typesAndValues);
  }

  /** RDNs in string order: the most specific (usually CN or UID) first (RFC 4514 §2.1). */
  public List<RelativeDistinguishedName> rdns() {
    return rdns;
  }

  /**
   * RFC 4517 §4.2.15 distinguishedNameMatch: as many RDNs, compared in order; the pairs inside an
   * RDN in any order; types by OID whatever name was written; values decoded from {@code #hex} and
   * compared with caseIgnoreMatch and RFC 4518 insignificant-space handling.
   */
  public boolean matches(DistinguishedName other) {
    return matchKeys.equals(other.matchKeys);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DistinguishedName name && matches(name);
  }

  @Override
  public int hashCode() {
    return matchKeys.hashCode();
  }

  /** The string as given, or for a principal its RFC 2253 form. */
  @Override
  public String toString() {
    return text;
  }
}
