package io.dcrgateway.devpki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.security.auth.x500.X500Principal;
import org.assertj.core.groups.Tuple;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.Test;

/** SPEC Appendix D: the subject DN layouts, down to attribute order and ASN.1 string types. */
class OfbSubjectTest {

  private static final int UTF8 = 0x0C;
  private static final int PRINTABLE = 0x13;

  // Appendix D §2 values; its organizationIdentifier is elided there, so the org_id of §1 stands in.
  private static final OfbSubject CONFORMANCE_TPP = new OfbSubject(
      "web.conftpp.directory.openbankingbrasil.org.br",
      "bc97b8f0-cae0-4f2f-9978-d93f0e56a833",
      "74e929d9-33b6-4d85-8ba7-c146c867a817",
      "43142666000197",
      "Chicago Advisory Partners",
      "Sao Paulo",
      "SP",
      "Private Organization");

  @Test
  void ofbSubjectCarriesUidOrganizationIdentifierAndJurisdiction() {
    // Through a real certificate, so the encoding that reaches a TLS peer is what is checked.
    IssuedCertificate certificate = CertificateIssuer.forSubject(CONFORMANCE_TPP.ecosystemName())
        .key(KeySpec.ecP256()).selfSigned();

    assertThat(attributes(certificate.subject())).containsExactly(
        tuple("2.5.4.15", UTF8, "Private Organization"),
        tuple("1.3.6.1.4.1.311.60.2.1.3", PRINTABLE, "BR"),
        tuple("2.5.4.5", PRINTABLE, "43142666000197"),
        tuple("2.5.4.6", PRINTABLE, "BR"),
        tuple("2.5.4.10", UTF8, "Chicago Advisory Partners"),
        tuple("2.5.4.8", UTF8, "SP"),
        tuple("2.5.4.7", UTF8, "Sao Paulo"),
        tuple("2.5.4.97", UTF8, "OFBBR-74e929d9-33b6-4d85-8ba7-c146c867a817"),
        tuple("0.9.2342.19200300.100.1.1", UTF8, "bc97b8f0-cae0-4f2f-9978-d93f0e56a833"),
        tuple("2.5.4.3", UTF8, "web.conftpp.directory.openbankingbrasil.org.br"));
  }

  @Test
  void ecosystemNamePrintsAsTheAppendixDExample() throws Exception {
    String rfc2253 = new X500Principal(CONFORMANCE_TPP.ecosystemName().getEncoded()).getName();

    assertThat(rfc2253).isEqualTo("CN=web.conftpp.directory.openbankingbrasil.org.br,"
        + "UID=bc97b8f0-cae0-4f2f-9978-d93f0e56a833,"
        + "2.5.4.97=#0c2a4f464242522d37346539323964392d333362362d346438352d386261372d633134366338363761383137,"
        + "L=Sao Paulo,ST=SP,O=Chicago Advisory Partners,C=BR,"
        + "2.5.4.5=#130e3433313432363636303030313937,"
        + "1.3.6.1.4.1.311.60.2.1.3=#13024252,"
        + "2.5.4.15=#0c1450726976617465204f7267616e697a6174696f6e");
  }

  @Test
  void legacyNameCarriesOrgIdInOuAndNoOrganizationIdentifier() throws Exception {
    List<Tuple> attributes = attributes(new X500Principal(CONFORMANCE_TPP.legacyName().getEncoded()));

    assertThat(attributes).contains(tuple("2.5.4.11", UTF8, "74e929d9-33b6-4d85-8ba7-c146c867a817"));
    assertThat(attributes).extracting(attribute -> attribute.toArray()[0]).doesNotContain("2.5.4.97");
    // As in the 2021 suite vector (Appendix D §1), businessCategory is a PrintableString here.
    assertThat(attributes).contains(tuple("2.5.4.15", PRINTABLE, "Private Organization"));
  }

  @Test
  void legacyNameHoldsTheAttributesOfThe2021SuiteVector() throws Exception {
    String vector = "1.3.6.1.4.1.311.60.2.1.3=#13024252,2.5.4.15=#131450726976617465204f7267616e697a6174696f6e,"
        + "UID=be42d3a5-9861-4305-9deb-a22756ea7e82,2.5.4.5=#130d31333335333233363030313839,CN=Whatever,"
        + "OU=74e929d9-33b6-4d85-8ba7-c146c867a817,O=Open Banking Brasil,L=BOTAFOGO,"
        + "ST=BOTAFOGO / RIO DE JANEIRO\\, RJ,C=BR";
    OfbSubject legacy = new OfbSubject("Whatever", "be42d3a5-9861-4305-9deb-a22756ea7e82",
        "74e929d9-33b6-4d85-8ba7-c146c867a817", "1335323600189", "Open Banking Brasil", "BOTAFOGO",
        "BOTAFOGO / RIO DE JANEIRO, RJ", "Private Organization");

    assertThat(valuesByType(new X500Principal(legacy.legacyName().getEncoded())))
        .isEqualTo(valuesByType(new X500Principal(vector)));
  }

  @Test
  void ukTransportNameIsCnSoftwareIdOuOrgIdOpenBankingGb() throws Exception {
    X500Principal name = new X500Principal(new UkTransportSubject("2ZPzoAzYTvdXpkrqBxYEHQ", "0015800001041REAAY").name().getEncoded());

    assertThat(name.getName()).isEqualTo("CN=2ZPzoAzYTvdXpkrqBxYEHQ,OU=0015800001041REAAY,O=OpenBanking,C=GB");
  }

  @Test
  void organizationIdentifierIsOfbbrPrefixAndOrgId() {
    assertThat(CONFORMANCE_TPP.organizationIdentifier()).isEqualTo("OFBBR-74e929d9-33b6-4d85-8ba7-c146c867a817");
  }

  /** (OID, ASN.1 tag, text) per attribute, in ASN.1 order. */
  static List<Tuple> attributes(X500Principal principal) {
    return Arrays.stream(X500Name.getInstance(principal.getEncoded()).getRDNs())
        .flatMap(rdn -> Arrays.stream(rdn.getTypesAndValues()))
        .map(OfbSubjectTest::attribute)
        .collect(Collectors.toList());
  }

  private static Tuple attribute(AttributeTypeAndValue value) {
    ASN1Encodable encodable = value.getValue();
    try {
      int tag = encodable.toASN1Primitive().getEncoded()[0];
      return tuple(value.getType().getId(), tag, ((ASN1String) encodable).getString());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> valuesByType(X500Principal principal) {
    return Arrays.stream(X500Name.getInstance(principal.getEncoded()).getRDNs())
        .flatMap(rdn -> Arrays.stream(rdn.getTypesAndValues()))
        .collect(Collectors.toMap(v -> v.getType().getId(), v -> ((ASN1String) v.getValue()).getString()));
  }
}
