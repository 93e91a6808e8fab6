package io.dcrgateway.dn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** OFB DCR ID2/ID3 §7.1.2 (SPEC BR-14 (i), (ii), (iv)): names only for the nine RFC 4514 types, OID=#hex for the rest. */
class OfbStrictFormTest {

  @ParameterizedTest
  @ValueSource(strings = {
      AppendixDVectors.OIDF_2021, AppendixDVectors.OIDF_2022, AppendixDVectors.ECOSYSTEM_STANDARD,
      AppendixDVectors.SAO_PAULO, AppendixDVectors.HISTORICAL_BY_OID,
      "cn=lower case short names are still short names,street=x,dc=y,uid=z"})
  void acceptsTheFormJavaPrints(String text) {
    assertThat(OfbStrictForm.problemsIn(DistinguishedName.parse(text))).isEmpty();
  }

  static Stream<Arguments> violations() {
    return Stream.of(
        Arguments.of("CN=a,businessCategory=Private Organization", List.of(
            "'businessCategory' must be written as the dotted OID 2.5.4.15 with a #hex value (OFB DCR §7.1.2"
                + " accepts names only for CN, L, ST, O, OU, C, STREET, DC and UID)")),
        Arguments.of("OID.2.5.4.15=#131450726976617465204f7267616e697a6174696f6e", List.of(
            "'OID.2.5.4.15' must be written without the 'OID.' prefix with a #hex value (OFB DCR §7.1.2"
                + " accepts names only for CN, L, ST, O, OU, C, STREET, DC and UID)")),
        Arguments.of("2.5.4.15=Private Organization", List.of(
            "the value of 2.5.4.15 must be '#' followed by the hex of its DER encoding, keeping the certificate's"
                + " string type (#13... PrintableString, #0c... UTF8String) (RFC 4514 §2.4; OFB DCR §7.1.2)")),
        Arguments.of("2.5.4.3=#0c085768617465766572", List.of(
            "'2.5.4.3' must be written as CN (RFC 4514 §3 short name; OFB DCR §7.1.2)")),
        Arguments.of("commonName=Whatever", List.of(
            "'commonName' must be written as CN (RFC 4514 §3 short name; OFB DCR §7.1.2)")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("violations")
  void explainsEachViolation(String text, List<String> problems) {
    assertThat(OfbStrictForm.problemsIn(DistinguishedName.parse(text))).isEqualTo(problems);
  }

  @Test
  void historicalShortNameFormBreaksTheStrictFormButStillMatches() {
    DistinguishedName byName = DistinguishedName.parse(AppendixDVectors.HISTORICAL_BY_NAME);

    assertThat(OfbStrictForm.problemsIn(byName)).hasSize(3)
        .anySatisfy(problem -> assertThat(problem).startsWith("'jurisdictionCountryName' must be written as the dotted OID 1.3.6.1.4.1.311.60.2.1.3"))
        .anySatisfy(problem -> assertThat(problem).startsWith("'businessCategory' must be written as the dotted OID 2.5.4.15"))
        .anySatisfy(problem -> assertThat(problem).startsWith("'serialNumber' must be written as the dotted OID 2.5.4.5"));
    assertThat(byName.matches(DistinguishedName.parse(AppendixDVectors.HISTORICAL_BY_OID))).isTrue();
  }

  @Test
  void certificateSubjectsAreAlwaysInTheStrictForm() {
    X500Principal principal = new X500Principal(AppendixDVectors.OIDF_2022);

    assertThat(OfbStrictForm.problemsIn(DistinguishedName.of(principal))).isEmpty();
  }
}
