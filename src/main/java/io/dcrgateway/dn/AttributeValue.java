package io.dcrgateway.dn;

import java.io.IOException;
import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;

/**
 * An attribute value: the text a DN string wrote, or a BER encoding (a certificate's value, or an
 * RFC 4514 §2.4 {@code #hex} value). A BER value of a character string type also has text, so
 * {@code 2.5.4.15=#1314507269...} and {@code businessCategory=Private Organization} compare equal
 * (SPEC Appendix D §3).
 */
public final class AttributeValue {

  private final String text;
  private final byte[] encoding;
  private final String matchKey;

  private AttributeValue(String text, byte[] encoding, String matchKey) {
    this.text = text;
    this.encoding = encoding;
    this.matchKey = matchKey;
  }

  static AttributeValue ofText(String text) {
    return new AttributeValue(text, null, textKey(text));
  }

  /**
   * @throws IllegalArgumentException when the bytes are not exactly one BER-encoded value
   */
  static AttributeValue ofEncoding(byte[] encoding) {
    ASN1Primitive value;
    byte[] der;
    try {
      value = ASN1Primitive.fromByteArray(encoding);
      der = value.getEncoded(ASN1Encoding.DER);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not a single BER-encoded value", e);
    }
    Optional<String> text = DirectoryStringText.of(value);
    // Non-string values (rare in subjects) match by DER bytes: RFC 4517 gives them no caseIgnore rule.
    String key = text.map(AttributeValue::textKey).orElseGet(() -> "#" + HexFormat.of().formatHex(der));
    return new AttributeValue(text.orElse(null), encoding.clone(), key);
  }

  private static String textKey(String text) {
    return "=" + CaseIgnoreMatch.key(text);
  }

  /** The value as text; empty only for a BER value that is not a character string. */
  public Optional<String> text() {
    return Optional.ofNullable(text);
  }

  /** The BER encoding, when the value came as one (a certificate, or {@code #hex} in a string). */
  public Optional<byte[]> encoding() {
    return Optional.ofNullable(encoding).map(byte[]::clone);
  }

  /** Equal keys mean the values match under caseIgnoreMatch (RFC 4517 §4.2.11). */
  String matchKey() {
    return matchKey;
  }

  @Override
  public String toString() {
    return text != null ? text : "#" + HexFormat.of().formatHex(encoding);
  }
}
