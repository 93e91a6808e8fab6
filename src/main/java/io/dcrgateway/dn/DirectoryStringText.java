package io.dcrgateway.dn;

import java.nio.charset.Charset;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1BMPString;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1NumericString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1PrintableString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1T61String;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.ASN1UniversalString;
import org.bouncycastle.asn1.ASN1VisibleString;

/**
 * The text of an attribute value encoded as one of the character string types a DirectoryString
 * (RFC 5280 §4.1.2.4) or its PrintableString / IA5String relatives may use. SPEC Appendix D §3:
 * {@code #13...} and {@code #0c...} must compare equal to the plain text they encode.
 */
final class DirectoryStringText {

  private static final Charset UTF_32BE = Charset.forName("UTF-32BE");

  private DirectoryStringText() {
  }

  static Optional<String> of(ASN1Primitive value) {
    if (value instanceof ASN1UniversalString universal) {
      // BouncyCastle renders UniversalString as "#hex"; its octets are UCS-4, i.e. UTF-32BE.
      return Optional.of(new String(universal.getOctets(), UTF_32BE));
    }
    // TeletexString (0x14) is decoded byte-per-character, i.e. as Latin-1: what CAs put there in practice.
    if (value instanceof ASN1UTF8String || value instanceof ASN1PrintableString
        || value instanceof ASN1IA5String || value instanceof ASN1T61String
        || value instanceof ASN1BMPString || value instanceof ASN1VisibleString
        || value instanceof ASN1NumericString) {
      return Optional.of(((ASN1String) value).getString());
    }
    return Optional.empty();
  }
}
