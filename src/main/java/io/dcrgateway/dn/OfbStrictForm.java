package io.dcrgateway.dn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The string form OFB DCR ID2/ID3 §7.1.2 demands of {@code tls_client_auth_subject_dn}: "accept
 * only the [RFC 4514] descriptors in string format (CN, L, ST, O, OU, C, STREET, DC, UID); all
 * other attribute types in dotted OID #hex format" (SPEC BR-14 (iv)). ID1 instead required the
 * names businessCategory, jurisdictionCountryName and serialNumber to be accepted, and the OIDF
 * suite stopped testing the name form, so a profile chooses whether to apply this; the matcher
 * itself stays lenient.
 */
public final class OfbStrictForm {

  private OfbStrictForm() {
  }

  /**
   * Why the name, as written, breaks the strict form; empty when it complies. A name read from a
   * certificate always complies: it is written the way RFC 4514 prescribes.
   */
  public static List<String> problemsIn(DistinguishedName name) {
    List<String> problems = new ArrayList<>();
    for (RelativeDistinguishedName rdn : name.rdns()) {
      for (AttributeTypeAndValue typeAndValue : rdn.typesAndValues()) {
        problemOf(typeAndValue, problems);
      }
    }
    return List.copyOf(problems);
  }

  private static void problemOf(AttributeTypeAndValue typeAndValue, List<String> problems) {
    AttributeType type = typeAndValue.type();
    String written = typeAndValue.typeAsWritten();
    if (type.rfc4514Name().isPresent()) {
      String shortName = type.rfc4514Name().get();
      if (!written.toUpperCase(Locale.ROOT).equals(shortName)) {
        problems.add("'" + written + "' must be written as " + shortName
            + " (RFC 4514 §3 short name; OFB DCR §7.1.2)");
      }
      return;
    }
    if (!AttributeType.isNumericOid(written)) {
      String reason = written.regionMatches(true, 0, "OID.", 0, 4)
          ? "must be written without the 'OID.' prefix"
          : "must be written as the dotted OID " + type.oid();
      problems.add("'" + written + "' " + reason + " with a #hex value (OFB DCR §7.1.2 accepts names only for"
          + " CN, L, ST, O, OU, C, STREET, DC and UID)");
    } else if (!typeAndValue.valueWrittenAsHex()) {
      problems.add("the value of " + type.oid() + " must be '#' followed by the hex of its DER encoding, keeping the"
          + " certificate's string type (#13... PrintableString, #0c... UTF8String) (RFC 4514 §2.4; OFB DCR §7.1.2)");
    }
  }
}
