package io.dcrgateway.dn;

import static io.dcrgateway.dn.AppendixDVectors.ECOSYSTEM_STANDARD;
import static io.dcrgateway.dn.AppendixDVectors.ECOSYSTEM_STANDARD_BY_NAME;
import static io.dcrgateway.dn.AppendixDVectors.OIDF_2021;
import static io.dcrgateway.dn.AppendixDVectors.ORG_ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.junit.jupiter.api.Test;

/**
 * RFC 8705 §2.1: the subject of the certificate presented on the TLS connection against the
 * registered string. Names are built with BouncyCastle in ASN.1 order (businessCategory first), so
 * Java prints them CN first, as the ecosystem does.
 */
class CertificateSubjectMatchTest {

  private static final ASN1ObjectIdentifier CN = oid("2.5.4.3");
  private static final ASN1ObjectIdentifier UID = oid("0.9.2342.19200300.100.1.1");
  private static final ASN1ObjectIdentifier ORGANIZATION_IDENTIFIER = oid("2.5.4.97");
  private static final ASN1ObjectIdentifier OU = oid("2.5.4.11");
  private static final ASN1ObjectIdentifier L = oid("2.5.4.7");
  private static final ASN1ObjectIdentifier ST = oid("2.5.4.8");
  private static final ASN1ObjectIdentifier O = oid("2.5.4.10");
  private static final ASN1ObjectIdentifier C = oid("2.5.4.6");
  private static final ASN1ObjectIdentifier SERIAL_NUMBER = oid("2.5.4.5");
  private static final ASN1ObjectIdentifier JURISDICTION_C = oid("1.3.6.1.4.1.311.60.2.1.3");
  private static final ASN1ObjectIdentifier BUSINESS_CATEGORY = oid("2.5.4.15");

  /** Appendix D §2 layout: UTF8String except C, serialNumber and jurisdictionC (PrintableString). */
  private static X500Name ecosystemStandard(String locality) {
    return new X500NameBuilder()
        .addRDN(BUSINESS_CATEGORY, new DERUTF8String("Private Organization"))
        .addRDN(JURISDICTION_C, new DERPrintableString("BR", true))
        .addRDN(SERIAL_NUMBER, new DERPrintableString("43142666000197", true))
        .addRDN(C, new DERPrintableString("BR", true))
        .addRDN(O, new DERUTF8String("Chicago Advisory Partners"))
        .addRDN(ST, new DERUTF8String("SP"))
        .addRDN(L, new DERUTF8String(locality))
        .addRDN(ORGANIZATION_IDENTIFIER, new DERUTF8String("OFBBR-" + ORG_ID))
        .addRDN(UID, new DERUTF8String("bc97b8f0-cae0-4f2f-9978-d93f0e56a833"))
        .addRDN(CN, new DERUTF8String("web.conftpp.directory.openbankingbrasil.org.br"))
        .build();
  }

  /** Appendix D §1 2021 layout: org_id in OU, PrintableString businessCategory. */
  private static X500Name legacy2021() {
    return new X500NameBuilder()
        .addRDN(C, new DERPrintableString("BR", true))
        .addRDN(ST, new DERUTF8String("BOTAFOGO / RIO DE JANEIRO, RJ"))
        .addRDN(L, new DERUTF8String("BOTAFOGO"))
        .addRDN(O, new DERUTF8String("Open Banking Brasil"))
        .addRDN(OU, new DERUTF8String(ORG_ID))
        .addRDN(CN, new DERUTF8String("Whatever"))
        .addRDN(SERIAL_NUMBER, new DERPrintableString("1335323600189", true))
        .addRDN(UID, new DERUTF8String("be42d3a5-9861-4305-9deb-a22756ea7e82"))
        .addRDN(BUSINESS_CATEGORY, new DERPrintableString("Private Organization", true))
        .addRDN(JURISDICTION_C, new DERPrintableString("BR", true))
        .build();
  }

  @Test
  void javaRfc2253FormOfABouncyCastleNameMatchesTheDescriptorForm() throws IOException {
    String printedByJava = principal(ecosystemStandard("Sao Paulo")).getName();

    DistinguishedName parsed = DistinguishedName.parse(printedByJava);

    assertThat(printedByJava).isEqualTo(ECOSYSTEM_STANDARD);
    assertThat(parsed.matches(DistinguishedName.parse(ECOSYSTEM_STANDARD_BY_NAME))).isTrue();
  }

  @Test
  void certificateSubjectMatchesTheRegisteredDescriptorForm() throws IOException {
    DistinguishedName subject = DistinguishedName.of(principal(ecosystemStandard("Sao Paulo")));

    assertThat(subject.matches(DistinguishedName.parse(ECOSYSTEM_STANDARD_BY_NAME))).isTrue();
    assertThat(subject.matches(DistinguishedName.parse(ECOSYSTEM_STANDARD))).isTrue();
  }

  @Test
  void certificateSubjectMatchesTheOidf2021Vector() throws IOException {
    DistinguishedName subject = DistinguishedName.of(principal(legacy2021()));

    assertThat(subject.matches(DistinguishedName.parse(OIDF_2021))).isTrue();
    assertThat(subject.toString()).isEqualTo(OIDF_2021);
  }

  @Test
  void certificateSubjectDoesNotMatchAnotherOrganisation() throws IOException {
    DistinguishedName subject = DistinguishedName.of(principal(legacy2021()));

    assertThat(subject.matches(DistinguishedName.parse(OIDF_2021.replace(ORG_ID, "00000000-33b6-4d85-8ba7-c146c867a817"))))
        .isFalse();
  }

  @Test
  void nonAsciiLocalityIsPrintedUnescapedAndStillMatches() throws IOException {
    X500Principal principal = principal(ecosystemStandard("São Paulo"));

    assertThat(principal.getName()).contains(",L=São Paulo,");
    assertThat(DistinguishedName.parse(principal.getName()).matches(DistinguishedName.of(principal))).isTrue();
    assertThat(DistinguishedName.of(principal).matches(
        DistinguishedName.parse(ECOSYSTEM_STANDARD_BY_NAME.replace("L=Sao Paulo", "L=S\\C3\\A3o Paulo")))).isTrue();
  }

  @Test
  void nameFromAPrincipalIsWrittenInTheRfc4514Form() throws IOException {
    DistinguishedName subject = DistinguishedName.of(principal(ecosystemStandard("Sao Paulo")));

    assertThat(subject.rdns().get(0).typesAndValues().get(0))
        .extracting(AttributeTypeAndValue::typeAsWritten, AttributeTypeAndValue::valueWrittenAsHex)
        .containsExactly("CN", false);
    assertThat(subject.rdns().get(2).typesAndValues().get(0))
        .extracting(AttributeTypeAndValue::typeAsWritten, AttributeTypeAndValue::valueWrittenAsHex)
        .containsExactly("2.5.4.97", true);
  }

  private static X500Principal principal(X500Name name) throws IOException {
    return new X500Principal(name.getEncoded());
  }

  private static ASN1ObjectIdentifier oid(String dotted) {
    return new ASN1ObjectIdentifier(dotted);
  }
}
