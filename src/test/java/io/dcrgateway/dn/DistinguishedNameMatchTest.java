package io.dcrgateway.dn;

import static io.dcrgateway.dn.AppendixDVectors.ECOSYSTEM_STANDARD;
import static io.dcrgateway.dn.AppendixDVectors.ECOSYSTEM_STANDARD_BY_NAME;
import static io.dcrgateway.dn.AppendixDVectors.HISTORICAL_BY_NAME;
import static io.dcrgateway.dn.AppendixDVectors.HISTORICAL_BY_OID;
import static io.dcrgateway.dn.AppendixDVectors.OIDF_2021;
import static io.dcrgateway.dn.AppendixDVectors.OIDF_2022;
import static io.dcrgateway.dn.AppendixDVectors.SAO_PAULO;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 8705 §2.1 / RFC 4517 §4.2.15 distinguishedNameMatch, as SPEC RFC-12, BR-14 (iii) and Appendix D §3 ask. */
class DistinguishedNameMatchTest {

  static Stream<Arguments> sameName() {
    return Stream.of(
        Arguments.of("Appendix D historical short-name form = OID form", HISTORICAL_BY_NAME, HISTORICAL_BY_OID),
        Arguments.of("Appendix D ecosystem standard = the names OpenSSL prints", ECOSYSTEM_STANDARD, ECOSYSTEM_STANDARD_BY_NAME),
        Arguments.of("each Appendix D vector matches itself (2021)", OIDF_2021, OIDF_2021),
        Arguments.of("each Appendix D vector matches itself (2022)", OIDF_2022, OIDF_2022),
        Arguments.of("businessCategory PrintableString #13 = name form",
            "2.5.4.15=#131450726976617465204f7267616e697a6174696f6e", "businessCategory=Private Organization"),
        Arguments.of("jurisdictionCountryName #13 = name form",
            "1.3.6.1.4.1.311.60.2.1.3=#13024252", "jurisdictionCountryName=BR"),
        Arguments.of("jurisdictionC (OpenSSL) = OID form", "jurisdictionC=BR", "1.3.6.1.4.1.311.60.2.1.3=#13024252"),
        Arguments.of("PrintableString #13 = UTF8String #0c of the same text",
            "2.5.4.15=#131450726976617465204f7267616e697a6174696f6e",
            "2.5.4.15=#0c1450726976617465204f7267616e697a6174696f6e"),
        Arguments.of("hex case is not significant",
            "2.5.4.15=#131450726976617465204F7267616E697A6174696F6E",
            "2.5.4.15=#131450726976617465204f7267616e697a6174696f6e"),
        Arguments.of("BMPString #1e", "ST=SP", "2.5.4.8=#1e0400530050"),
        Arguments.of("UniversalString #1c", "ST=SP", "2.5.4.8=#1c080000005300000050"),
        Arguments.of("IA5String #16", "ST=SP", "2.5.4.8=#16025350"),
        Arguments.of("TeletexString #14", "ST=SP", "2.5.4.8=#14025350"),
        Arguments.of("#hex on a short-name type", "CN=Whatever", "CN=#0c085768617465766572"),
        Arguments.of("case of values (caseIgnoreMatch)",
            "CN=Whatever,O=Open Banking Brasil,C=BR", "CN=WHATEVER,O=open banking brasil,C=br"),
        Arguments.of("case of names", "CN=Whatever,UID=abc,C=BR", "cn=Whatever,uid=abc,c=BR"),
        Arguments.of("serialNumber compared case-insensitively", "serialNumber=ab12", "2.5.4.5=#130441423132"),
        Arguments.of("inner runs of spaces count as one (RFC 4518 §2.6.1)",
            "O=Open   Banking  Brasil", "O=Open Banking Brasil"),
        Arguments.of("leading and trailing spaces are insignificant, escaped or not",
            "CN=\\ Whatever\\ ,O=Open Banking Brasil", "CN=Whatever,O=Open Banking Brasil"),
        Arguments.of("spaces around separators", "CN = Whatever , O = Open Banking Brasil", "CN=Whatever,O=Open Banking Brasil"),
        Arguments.of("escaped comma in ST, as \\, and as \\2C",
            "ST=BOTAFOGO / RIO DE JANEIRO\\, RJ,C=BR", "ST=BOTAFOGO / RIO DE JANEIRO\\2C RJ,C=BR"),
        Arguments.of("escaped comma in ST = its #hex",
            "ST=BOTAFOGO / RIO DE JANEIRO\\, RJ",
            "2.5.4.8=#0c1d424f5441464f474f202f2052494f204445204a414e4549524f2c20524a"),
        Arguments.of("non-ASCII unescaped = UTF-8 hex escapes", SAO_PAULO, SAO_PAULO.replace("São", "S\\C3\\A3o")),
        Arguments.of("non-ASCII unescaped = UTF8String #hex",
            "L=São Paulo", "2.5.4.7=#0c0a53c3a36f205061756c6f"),
        Arguments.of("multi-valued RDN with the values in another order",
            "CN=Whatever+UID=abc,O=Open Banking Brasil", "UID=abc+CN=Whatever,O=Open Banking Brasil"),
        Arguments.of("multi-valued RDN mixing #hex and names",
            "UID=abc+2.5.4.5=#130d31333335333233363030313839,C=BR", "serialNumber=1335323600189+UID=abc,C=BR"),
        Arguments.of("RFC 2253 OID. prefix", "OID.2.5.4.3=Whatever", "CN=Whatever"),
        Arguments.of("dotted OID with a string value", "2.5.4.3=Whatever", "CN=Whatever"),
        Arguments.of("emailAddress, E and its OID",
            "emailAddress=x", "1.2.840.113549.1.9.1=#160178"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sameName")
  void matchesWhateverFormEachSideUsed(String clause, String registered, String presented) {
    DistinguishedName left = DistinguishedName.parse(registered);
    DistinguishedName right = DistinguishedName.parse(presented);

    assertThat(left.matches(right)).isTrue();
    assertThat(right.matches(left)).isTrue();
    assertThat(left).isEqualTo(right).hasSameHashCodeAs(right);
  }

  static Stream<Arguments> differentName() {
    return Stream.of(
        Arguments.of("RDN order differs (L and ST swapped)", OIDF_2021,
            OIDF_2021.replace("L=BOTAFOGO,ST=BOTAFOGO / RIO DE JANEIRO\\, RJ", "ST=BOTAFOGO / RIO DE JANEIRO\\, RJ,L=BOTAFOGO")),
        Arguments.of("RDN order differs (2021 vector against the historical layout)", OIDF_2021, HISTORICAL_BY_OID),
        Arguments.of("one RDN missing (OU)", OIDF_2021, OIDF_2021.replace("OU=74e929d9-33b6-4d85-8ba7-c146c867a817,", "")),
        Arguments.of("different value (another org_id in OU)", OIDF_2021,
            OIDF_2021.replace("OU=74e929d9", "OU=84e929d9")),
        Arguments.of("different #hex value (jurisdiction UK, not BR)", OIDF_2021,
            OIDF_2021.replace("#13024252", "#1302554b")),
        Arguments.of("extra RDN", OIDF_2022, OIDF_2022 + ",DC=example"),
        Arguments.of("multi-valued RDN is not two RDNs", "CN=Whatever+UID=abc", "CN=Whatever,UID=abc"),
        Arguments.of("multi-valued RDN missing a value", "CN=Whatever+UID=abc", "CN=Whatever"),
        Arguments.of("the same value under another type", "C=BR", "jurisdictionC=BR"),
        Arguments.of("a space inside a word is significant", "O=Open Banking", "O=OpenBanking"),
        Arguments.of("the escaped comma is part of the value", "ST=RIO DE JANEIRO\\, RJ", "ST=RIO DE JANEIRO RJ"),
        Arguments.of("a non-string BER value is not its bytes as text", "CN=#04024252", "CN=BR"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("differentName")
  void doesNotMatchADifferentName(String clause, String registered, String presented) {
    DistinguishedName left = DistinguishedName.parse(registered);
    DistinguishedName right = DistinguishedName.parse(presented);

    assertThat(left.matches(right)).isFalse();
    assertThat(right.matches(left)).isFalse();
    assertThat(left).isNotEqualTo(right);
  }
}
