package io.dcrgateway.dn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 8705 §2.1.2 / RFC 4514 §2-3: reading tls_client_auth_subject_dn strings (SPEC RFC-10, RFC-12, BR-14). */
class Rfc4514StringFormTest {

  static Stream<Arguments> decodedValues() {
    return Stream.of(
        Arguments.of("ST=BOTAFOGO / RIO DE JANEIRO\\, RJ", "2.5.4.8", "BOTAFOGO / RIO DE JANEIRO, RJ"),
        Arguments.of("CN=a\\+b\\\"c\\\\d\\<e\\>f\\;g\\=h", "2.5.4.3", "a+b\"c\\d<e>f;g=h"),
        Arguments.of("CN=\\#hash", "2.5.4.3", "#hash"),
        Arguments.of("CN=not#leading", "2.5.4.3", "not#leading"),
        Arguments.of("CN=a=b", "2.5.4.3", "a=b"),
        Arguments.of("CN=\\ lead", "2.5.4.3", " lead"),
        Arguments.of("CN=trail\\ ", "2.5.4.3", "trail "),
        Arguments.of("CN=unescaped trailing spaces are padding   ", "2.5.4.3", "unescaped trailing spaces are padding"),
        Arguments.of("L=São Paulo", "2.5.4.7", "São Paulo"),
        Arguments.of("L=S\\C3\\A3o Paulo", "2.5.4.7", "São Paulo"),
        Arguments.of("L=S\\c3\\a3o Paulo", "2.5.4.7", "São Paulo"),
        Arguments.of("CN=\\E2\\82\\AC", "2.5.4.3", "€"),
        Arguments.of("CN=\\F0\\9F\\98\\80", "2.5.4.3", "😀"),
        Arguments.of("CN=\\2C", "2.5.4.3", ","),
        Arguments.of("2.5.4.15=#131450726976617465204f7267616e697a6174696f6e", "2.5.4.15", "Private Organization"),
        Arguments.of("2.5.4.15=#0c1450726976617465204f7267616e697a6174696f6e", "2.5.4.15", "Private Organization"),
        Arguments.of("2.5.4.8=#16025350", "2.5.4.8", "SP"),
        Arguments.of("2.5.4.8=#14025350", "2.5.4.8", "SP"),
        Arguments.of("2.5.4.8=#1e0400530050", "2.5.4.8", "SP"),
        Arguments.of("2.5.4.8=#1c080000005300000050", "2.5.4.8", "SP"),
        Arguments.of("2.5.4.8=#1E0400530050", "2.5.4.8", "SP"),
        Arguments.of("OID.2.5.4.3=Whatever", "2.5.4.3", "Whatever"),
        Arguments.of("oid.2.5.4.3=Whatever", "2.5.4.3", "Whatever"),
        Arguments.of("1.2.3.4=free text under an unknown OID", "1.2.3.4", "free text under an unknown OID"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decodedValues")
  void decodesEscapesAndHexValues(String text, String oid, String value) {
    AttributeTypeAndValue only = DistinguishedName.parse(text).rdns().get(0).typesAndValues().get(0);

    assertThat(only.type().oid()).isEqualTo(oid);
    assertThat(only.value().text()).contains(value);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
      "CN, 2.5.4.3", "cn, 2.5.4.3", "commonName, 2.5.4.3", "L, 2.5.4.7", "ST, 2.5.4.8", "O, 2.5.4.10",
      "OU, 2.5.4.11", "C, 2.5.4.6", "STREET, 2.5.4.9", "DC, 0.9.2342.19200300.100.1.25",
      "UID, 0.9.2342.19200300.100.1.1", "serialNumber, 2.5.4.5", "SERIALNUMBER, 2.5.4.5",
      "businessCategory, 2.5.4.15", "jurisdictionCountryName, 1.3.6.1.4.1.311.60.2.1.3",
      "jurisdictionC, 1.3.6.1.4.1.311.60.2.1.3", "organizationIdentifier, 2.5.4.97",
      "emailAddress, 1.2.840.113549.1.9.1", "E, 1.2.840.113549.1.9.1", "SN, 2.5.4.4", "GIVENNAME, 2.5.4.42",
      "T, 2.5.4.12", "OID.2.5.4.97, 2.5.4.97", "2.5.4.97, 2.5.4.97"})
  void namesToolsPrintMapToTheirOid(String name, String oid) {
    AttributeTypeAndValue only = DistinguishedName.parse(name + "=x").rdns().get(0).typesAndValues().get(0);

    assertThat(only.type().oid()).isEqualTo(oid);
    assertThat(only.typeAsWritten()).isEqualTo(name);
  }

  @Test
  void readsRdnsInStringOrderAndMultiValuedRdnsWithPlus() {
    DistinguishedName name = DistinguishedName.parse("CN=Whatever+UID=abc,O=Open Banking Brasil,C=BR");

    assertThat(name.rdns()).hasSize(3);
    assertThat(name.rdns().get(0).typesAndValues())
        .extracting(typeAndValue -> typeAndValue.type().displayName() + "=" + typeAndValue.value())
        .containsExactly("CN=Whatever", "UID=abc");
    assertThat(name.rdns().get(2).typesAndValues()).extracting(AttributeTypeAndValue::type)
        .containsExactly(AttributeType.COUNTRY);
  }

  @Test
  void keepsTheStringItWasGiven() {
    assertThat(DistinguishedName.parse(AppendixDVectors.OIDF_2021)).hasToString(AppendixDVectors.OIDF_2021);
  }

  @Test
  void keepsTheBerEncodingOfHexValues() {
    AttributeValue value = DistinguishedName.parse("1.3.6.1.4.1.311.60.2.1.3=#13024252")
        .rdns().get(0).typesAndValues().get(0).value();

    assertThat(value.encoding()).hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(0x13, 0x02, 'B', 'R'));
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("CN=Whatever,O=Bank\\", "unterminated escape at position 19"),
        Arguments.of("CN=a\\zb", "'\\z' is not an RFC 4514 escape (escape only , + \" \\ < > ; # = and space,"
            + " or write a byte as \\XX) at position 5"),
        Arguments.of("CN=a\\4", "incomplete hex escape (\\XX needs two hex digits) at position 5"),
        Arguments.of("CN=a\\4g", "incomplete hex escape (\\XX needs two hex digits) at position 5"),
        Arguments.of("CN=\\C3\\28", "the \\XX escapes in the value of CN are not valid UTF-8 at position 4"),
        Arguments.of("CN", "expected '=' after CN but the string ends at position 3"),
        Arguments.of("CN:Whatever", "expected '=' after CN but found ':' at position 3"),
        Arguments.of("=Whatever", "expected an attribute type (a name such as CN, or a dotted OID) but found '=' at position 1"),
        Arguments.of("CN=a,,O=b", "empty RDN: expected an attribute type before ',' at position 6"),
        Arguments.of(",CN=a", "empty RDN: expected an attribute type before ',' at position 1"),
        Arguments.of("CN=a+,O=b", "empty RDN: expected an attribute type before ',' at position 6"),
        Arguments.of("CN=a,", "expected an attribute type (such as CN) after the last separator, but the string ends at position 5"),
        Arguments.of("XYZ=foo", "unknown attribute type 'XYZ'; write it as a dotted OID with a #hex value at position 1"),
        Arguments.of("2.5.4.15=#131", "odd number of hex digits in the #hex value of 2.5.4.15 at position 10"),
        Arguments.of("2.5.4.15=#", "'#' in the value of 2.5.4.15 must be followed by the hex of a BER-encoded value at position 10"),
        Arguments.of("2.5.4.15=#zz", "'#' in the value of 2.5.4.15 must be followed by the hex of a BER-encoded value at position 10"),
        Arguments.of("2.5.4.15=#13ZZ", "unexpected 'Z' in the #hex value of 2.5.4.15 (only hex digits may follow '#') at position 13"),
        Arguments.of("2.5.4.15=#1305aa", "the #hex value of 2.5.4.15 is not a single BER-encoded value at position 10"),
        Arguments.of("2.5.4.15=#130141ff", "the #hex value of 2.5.4.15 is not a single BER-encoded value at position 10"),
        Arguments.of("CN=\"Whatever\"", "unescaped '\"' in the value of CN; write it as \\\" at position 4"),
        Arguments.of("CN=a;O=b", "unescaped ';' in the value of CN; write it as \\; at position 5"),
        Arguments.of("CN=<a>", "unescaped '<' in the value of CN; write it as \\< at position 4"),
        Arguments.of("CN=a\u0000b", "unescaped NUL in the value of CN; write it as \\00 at position 5"),
        Arguments.of("2.05.4.3=x", "'2.05.4.3' is not a dotted OID (numbers separated by dots, without leading zeros) at position 1"),
        Arguments.of("2.5.4.=x", "'2.5.4.' is not a dotted OID (numbers separated by dots, without leading zeros) at position 1"),
        Arguments.of("2=x", "'2' is not a dotted OID (numbers separated by dots, without leading zeros) at position 1"),
        Arguments.of("", "the string is empty"),
        Arguments.of("   ", "the string is empty"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("malformed")
  void rejectsMalformedStringsNamingTheProblemAndPosition(String text, String problem) {
    assertThatThrownBy(() -> DistinguishedName.parse(text))
        .isInstanceOf(DistinguishedNameSyntaxException.class)
        .hasMessage("not a valid RFC 4514 distinguished name: " + problem);
  }

  @Test
  void syntaxErrorNamesTheFieldForTheTpp() {
    DistinguishedNameSyntaxException error = catchSyntaxError("CN=Whatever,O=Open\\");

    assertThat(error.describing("tls_client_auth_subject_dn"))
        .isEqualTo("tls_client_auth_subject_dn is not a valid RFC 4514 distinguished name: unterminated escape at position 19");
    assertThat(error.problem()).isEqualTo("unterminated escape");
    assertThat(error.position()).isEqualTo(19);
  }

  @Test
  void unknownAttributeNamesAreNotGuessed() {
    assertThat(List.of("businessCat", "jurisdiction", "orgId"))
        .allSatisfy(name -> assertThat(AttributeType.named(name)).isEmpty());
  }

  private static DistinguishedNameSyntaxException catchSyntaxError(String text) {
    try {
      DistinguishedName.parse(text);
    } catch (DistinguishedNameSyntaxException e) {
      return e;
    }
    throw new AssertionError("parsed: " + text);
  }
}
