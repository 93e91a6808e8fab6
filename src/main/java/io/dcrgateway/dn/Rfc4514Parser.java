package io.dcrgateway.dn;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads the RFC 4514 §3 string form of a DN, as RFC 8705 §2.1.2 defines
 * {@code tls_client_auth_subject_dn}: what Java {@code X500Principal.getName()} and OpenSSL
 * {@code -nameopt RFC2253} print, and what TPPs type by hand.
 *
 * <p>Lenient where RFC 4514 §4 allows an implementation to be ("MAY recognize other DN string
 * representations"): spaces around separators and {@code =}, the names tools print besides the
 * nine RFC 4514 short names, and RFC 2253's {@code OID.} prefix. Strict where leniency would guess
 * at meaning: an unescaped {@code ;} (an RFC 2253 separator, a plain character to some TPPs), a
 * quoted value (RFC 1779) or a bad escape is an error naming its position.
 */
final class Rfc4514Parser {

  // RFC 4514 §3: pair = ESC ( ESC / special / hexpair ); special = escaped / SPACE / SHARP / EQUALS.
  private static final String ESCAPABLE = "\\\"+,;<> #=";
  // RFC 4514 §3: characters a string value may not hold unescaped anywhere.
  private static final String MUST_BE_ESCAPED = "\";<>";

  private final String text;
  private int pos;

  private Rfc4514Parser(String text) {
    this.text = text;
  }

  static List<RelativeDistinguishedName> parse(String text) {
    return new Rfc4514Parser(text).distinguishedName();
  }

  private List<RelativeDistinguishedName> distinguishedName() {
    // RFC 4514 allows the empty DN, but an empty subject_dn can name no certificate subject.
    if (text.isBlank()) {
      throw fail("the string is empty", 0);
    }
    List<RelativeDistinguishedName> rdns = new ArrayList<>();
    rdns.add(relativeDistinguishedName());
    while (!atEnd()) {
      pos++; // a value ends only at ',' '+' or the end, and an RDN only at ',' or the end
      rdns.add(relativeDistinguishedName());
    }
    return rdns;
  }

  private RelativeDistinguishedName relativeDistinguishedName() {
    List<AttributeTypeAndValue> typesAndValues = new ArrayList<>();
    typesAndValues.add(typeAndValue());
    while (!atEnd() && peek() == '+') {
      pos++;
      typesAndValues.add(typeAndValue());
    }
    return new RelativeDistinguishedName(typesAndValues);
  }

  private AttributeTypeAndValue typeAndValue() {
    skipSpaces();
    if (atEnd()) {
      throw fail("expected an attribute type (such as CN) after the last separator, but the string ends",
          text.length());
    }
    if (peek() == ',' || peek() == '+') {
      throw fail("empty RDN: expected an attribute type before '" + peek() + "'", pos + 1);
    }
    int typeStart = pos;
    AttributeType type = attributeType();
    String typeAsWritten = text.substring(typeStart, pos);
    skipSpaces();
    if (atEnd() || peek() != '=') {
      throw fail("expected '=' after " + typeAsWritten + (atEnd() ? " but the string ends" : " but found '" + peek() + "'"),
          pos + 1);
    }
    pos++;
    skipSpaces();
    if (!atEnd() && peek() == '#') {
      return new AttributeTypeAndValue(type, hexValue(typeAsWritten), typeAsWritten, true);
    }
    return new AttributeTypeAndValue(type, stringValue(typeAsWritten), typeAsWritten, false);
  }

  // RFC 4514 §3: attributeType = descr / numericoid; "OID." is RFC 2253 §3 legacy, which Java accepts.
  private AttributeType attributeType() {
    int start = pos;
    char first = peek();
    if (isDigit(first)) {
      return new AttributeType(numericOid());
    }
    if (!isAlpha(first)) {
      throw fail("expected an attribute type (a name such as CN, or a dotted OID) but found '" + first + "'", pos + 1);
    }
    while (!atEnd() && (isAlpha(peek()) || isDigit(peek()) || peek() == '-')) {
      pos++;
    }
    String name = text.substring(start, pos);
    if (name.equalsIgnoreCase("OID") && !atEnd() && peek() == '.') {
      pos++;
      return new AttributeType(numericOid());
    }
    return AttributeType.named(name).orElseThrow(() -> fail(
        "unknown attribute type '" + name + "'; write it as a dotted OID with a #hex value", start + 1));
  }

  private String numericOid() {
    int start = pos;
    while (!atEnd() && (isDigit(peek()) || peek() == '.')) {
      pos++;
    }
    String oid = text.substring(start, pos);
    if (!AttributeType.isNumericOid(oid)) {
      throw fail("'" + oid + "' is not a dotted OID (numbers separated by dots, without leading zeros)", start + 1);
    }
    return oid;
  }

  // RFC 4514 §2.4 / §3: hexstring = SHARP 1*hexpair, the BER encoding of the value.
  private AttributeValue hexValue(String typeAsWritten) {
    int sharp = pos++;
    int start = pos;
    while (!atEnd() && isHexDigit(peek())) {
      pos++;
    }
    String hex = text.substring(start, pos);
    if (hex.isEmpty()) {
      throw fail("'#' in the value of " + typeAsWritten + " must be followed by the hex of a BER-encoded value",
          sharp + 1);
    }
    skipSpaces();
    if (!atEnd() && peek() != ',' && peek() != '+') {
      throw fail("unexpected '" + peek() + "' in the #hex value of " + typeAsWritten + " (only hex digits may follow '#')",
          pos + 1);
    }
    if (hex.length() % 2 != 0) {
      throw fail("odd number of hex digits in the #hex value of " + typeAsWritten, sharp + 1);
    }
    try {
      return AttributeValue.ofEncoding(HexFormat.of().parseHex(hex));
    } catch (IllegalArgumentException e) {
      throw fail("the #hex value of " + typeAsWritten + " is not a single BER-encoded value", sharp + 1);
    }
  }

  private AttributeValue stringValue(String typeAsWritten) {
    int start = pos;
    ByteArrayOutputStream utf8 = new ByteArrayOutputStream();
    // Unescaped trailing spaces are padding before a separator (RFC 4514 §2.4 escapes significant ones).
    int significant = 0;
    while (!atEnd() && peek() != ',' && peek() != '+') {
      char c = peek();
      if (c == '\\') {
        escape(utf8);
        significant = utf8.size();
        continue;
      }
      if (MUST_BE_ESCAPED.indexOf(c) >= 0) {
        throw fail("unescaped '" + c + "' in the value of " + typeAsWritten + "; write it as \\" + c, pos + 1);
      }
      if (c == '\0') {
        throw fail("unescaped NUL in the value of " + typeAsWritten + "; write it as \\00", pos + 1);
      }
      int codePoint = text.codePointAt(pos);
      if (Character.isSurrogate(c) && Character.charCount(codePoint) == 1) {
        throw fail("unpaired surrogate character in the value of " + typeAsWritten, pos + 1);
      }
      utf8.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
      pos += Character.charCount(codePoint);
      if (c != ' ') {
        significant = utf8.size();
      }
    }
    byte[] bytes = Arrays.copyOf(utf8.toByteArray(), significant);
    try {
      // RFC 4514 §2.4: \XX escapes are UTF-8 octets, several of them one character.
      String value = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
      return AttributeValue.ofText(value);
    } catch (CharacterCodingException e) {
      throw fail("the \\XX escapes in the value of " + typeAsWritten + " are not valid UTF-8", start + 1);
    }
  }

  private void escape(ByteArrayOutputStream utf8) {
    int backslash = pos++;
    if (atEnd()) {
      throw fail("unterminated escape", backslash + 1);
    }
    char c = peek();
    if (isHexDigit(c)) {
      if (pos + 1 >= text.length() || !isHexDigit(text.charAt(pos + 1))) {
        throw fail("incomplete hex escape (\\XX needs two hex digits)", backslash + 1);
      }
      utf8.write(HexFormat.fromHexDigits(text, pos, pos + 2));
      pos += 2;
    } else if (ESCAPABLE.indexOf(c) >= 0) {
      utf8.write(c);
      pos++;
    } else {
      throw fail("'\\" + c + "' is not an RFC 4514 escape (escape only , + \" \\ < > ; # = and space,"
          + " or write a byte as \\XX)", backslash + 1);
    }
  }

  private void skipSpaces() {
    while (!atEnd() && peek() == ' ') {
      pos++;
    }
  }

  private boolean atEnd() {
    return pos >= text.length();
  }

  private char peek() {
    return text.charAt(pos);
  }

  private static boolean isAlpha(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHexDigit(char c) {
    return isDigit(c) || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
  }

  private static DistinguishedNameSyntaxException fail(String problem, int position) {
    return new DistinguishedNameSyntaxException(problem, position);
  }
}
