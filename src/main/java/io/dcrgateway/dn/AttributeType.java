package io.dcrgateway.dn;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An attribute type, identified by its OID whatever name a DN string used for it: tools disagree
 * on names (SPEC Appendix D §3), the OID is what the certificate holds.
 *
 * @param oid dotted-decimal object identifier, e.g. {@code 2.5.4.3}
 */
public record AttributeType(String oid) {

  // RFC 4512 §1.4 numericoid: number 1*( DOT number ), no leading zeros.
  private static final Pattern NUMERIC_OID = Pattern.compile("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))+");

  public static final AttributeType COMMON_NAME = new AttributeType("2.5.4.3");
  public static final AttributeType LOCALITY = new AttributeType("2.5.4.7");
  public static final AttributeType STATE = new AttributeType("2.5.4.8");
  public static final AttributeType ORGANIZATION = new AttributeType("2.5.4.10");
  public static final AttributeType ORGANIZATIONAL_UNIT = new AttributeType("2.5.4.11");
  public static final AttributeType COUNTRY = new AttributeType("2.5.4.6");
  public static final AttributeType STREET = new AttributeType("2.5.4.9");
  public static final AttributeType DOMAIN_COMPONENT = new AttributeType("0.9.2342.19200300.100.1.25");
  public static final AttributeType UID = new AttributeType("0.9.2342.19200300.100.1.1");
  public static final AttributeType SERIAL_NUMBER = new AttributeType("2.5.4.5");
  public static final AttributeType BUSINESS_CATEGORY = new AttributeType("2.5.4.15");
  public static final AttributeType JURISDICTION_COUNTRY = new AttributeType("1.3.6.1.4.1.311.60.2.1.3");
  public static final AttributeType ORGANIZATION_IDENTIFIER = new AttributeType("2.5.4.97");
  public static final AttributeType EMAIL_ADDRESS = new AttributeType("1.2.840.113549.1.9.1");

  public AttributeType {
    if (!isNumericOid(oid)) {
      throw new IllegalArgumentException("not a dotted-decimal OID: " + oid);
    }
  }

  /** The type a name stands for (case-insensitive): RFC 4514 short names and the names tools print. */
  public static Optional<AttributeType> named(String name) {
    return Optional.ofNullable(AttributeNames.oidNamed(name)).map(AttributeType::new);
  }

  static boolean isNumericOid(String text) {
    return text != null && NUMERIC_OID.matcher(text).matches();
  }

  /** The RFC 4514 §3 short name (CN, L, ST, O, OU, C, STREET, DC, UID), for those nine types only. */
  public Optional<String> rfc4514Name() {
    return AttributeNames.RFC4514_OIDS.contains(oid) ? Optional.of(AttributeNames.nameOf(oid)) : Optional.empty();
  }

  /** A name for messages: the usual descriptor when there is one, else the OID. */
  public String displayName() {
    String name = AttributeNames.nameOf(oid);
    return name != null ? name : oid;
  }

  @Override
  public String toString() {
    return displayName();
  }
}
