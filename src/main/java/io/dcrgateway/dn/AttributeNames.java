package io.dcrgateway.dn;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The attribute type names the gateway recognises in DN strings, and the name it shows for each
 * OID.
 *
 * <p>RFC 4514 §3 gives short names to nine types only (CN, L, ST, O, OU, C, STREET, DC, UID); all
 * other types should be written as dotted OIDs. Tools print more names than that for the same
 * OIDs (SPEC Appendix D §3: OpenSSL writes {@code jurisdictionC=} and {@code businessCategory=},
 * Java {@code SERIALNUMBER=}), so the lenient reader accepts those too. Names are
 * case-insensitive (RFC 4512 §1.4: descriptors are case-insensitive).
 */
final class AttributeNames {

  /** RFC 4514 §3: the only types a generator writes by name. */
  static final Set<String> RFC4514_OIDS = Set.of(
      "2.5.4.3", "2.5.4.7", "2.5.4.8", "2.5.4.10", "2.5.4.11", "2.5.4.6", "2.5.4.9",
      "0.9.2342.19200300.100.1.25", "0.9.2342.19200300.100.1.1");

  private static final Map<String, String> OID_BY_NAME = new HashMap<>();
  private static final Map<String, String> NAME_BY_OID = new HashMap<>();

  static {
    // RFC 4514 §3 short names first: the first name of each entry is the one shown.
    define("2.5.4.3", "CN", "commonName");
    define("2.5.4.7", "L", "localityName");
    define("2.5.4.8", "ST", "stateOrProvinceName", "S");
    define("2.5.4.10", "O", "organizationName");
    define("2.5.4.11", "OU", "organizationalUnitName");
    define("2.5.4.6", "C", "countryName");
    define("2.5.4.9", "STREET", "streetAddress");
    define("0.9.2342.19200300.100.1.25", "DC", "domainComponent");
    define("0.9.2342.19200300.100.1.1", "UID", "userId");
    // Names OpenSSL, Java, BouncyCastle and Windows print for the OFB, UK and eIDAS attributes.
    define("2.5.4.5", "serialNumber");
    define("2.5.4.15", "businessCategory");
    // EV Guidelines §9.2.4 jurisdiction attributes (OpenSSL short names jurisdictionC/ST/L).
    define("1.3.6.1.4.1.311.60.2.1.3", "jurisdictionCountryName", "jurisdictionC",
        "jurisdictionOfIncorporationCountryName");
    define("1.3.6.1.4.1.311.60.2.1.2", "jurisdictionStateOrProvinceName", "jurisdictionST",
        "jurisdictionOfIncorporationStateOrProvinceName");
    define("1.3.6.1.4.1.311.60.2.1.1", "jurisdictionLocalityName", "jurisdictionL",
        "jurisdictionOfIncorporationLocalityName");
    define("2.5.4.97", "organizationIdentifier");
    define("1.2.840.113549.1.9.1", "emailAddress", "E", "email");
    // RFC 4519 §2.32 and OpenSSL: SN is surname. (BouncyCastle's BCStyle maps SN to serialNumber;
    // the RFC meaning wins here.)
    define("2.5.4.4", "SN", "surname");
    define("2.5.4.42", "GN", "givenName");
    define("2.5.4.12", "title", "T");
    define("2.5.4.43", "initials");
    define("2.5.4.44", "generationQualifier");
    define("2.5.4.46", "dnQualifier", "DNQ");
    define("2.5.4.65", "pseudonym");
    define("2.5.4.17", "postalCode");
    define("2.5.4.13", "description");
    define("2.5.4.41", "name");
  }

  private AttributeNames() {
  }

  private static void define(String oid, String shown, String... aliases) {
    NAME_BY_OID.put(oid, shown);
    OID_BY_NAME.put(shown.toLowerCase(Locale.ROOT), oid);
    for (String alias : aliases) {
      OID_BY_NAME.put(alias.toLowerCase(Locale.ROOT), oid);
    }
  }

  /** The OID a name stands for, or null when the name is not one the gateway knows. */
  static String oidNamed(String name) {
    return OID_BY_NAME.get(name.toLowerCase(Locale.ROOT));
  }

  /** The name shown for an OID, or null when it has none. */
  static String nameOf(String oid) {
    return NAME_BY_OID.get(oid);
  }
}
