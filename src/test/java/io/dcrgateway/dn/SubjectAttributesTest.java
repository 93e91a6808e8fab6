package io.dcrgateway.dn;

import static io.dcrgateway.dn.AppendixDVectors.ORG_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcrgateway.devpki.CertificateIssuer;
import io.dcrgateway.devpki.KeySpec;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC BR-03, BR-05 (OFB subject attributes, org_id in both layouts) and UK-17 (UK transport and eIDAS subjects). */
class SubjectAttributesTest {

  @Test
  void readsTheOfbAttributesOfThe2021Subject() {
    SubjectAttributes subject = SubjectAttributes.of(DistinguishedName.parse(AppendixDVectors.OIDF_2021));

    assertThat(subject.uid()).contains("be42d3a5-9861-4305-9deb-a22756ea7e82");
    assertThat(subject.organizationIdentifier()).isEmpty();
    assertThat(subject.organizationalUnits()).containsExactly(ORG_ID);
    assertThat(subject.commonName()).contains("Whatever");
    assertThat(subject.serialNumber()).contains("1335323600189");
    assertThat(subject.organization()).contains("Open Banking Brasil");
    assertThat(subject.country()).contains("BR");
    assertThat(subject.jurisdictionCountry()).contains("BR");
    assertThat(subject.businessCategory()).contains("Private Organization");
    assertThat(subject.values(AttributeType.STATE)).containsExactly("BOTAFOGO / RIO DE JANEIRO, RJ");
  }

  @Test
  void legacySubjectGivesOrgIdFromOrganizationalUnit() {
    SubjectAttributes subject = SubjectAttributes.of(DistinguishedName.parse(AppendixDVectors.OIDF_2021));

    assertThat(subject.ofbOrgId()).contains(new OfbOrgId(ORG_ID, OfbOrgId.Source.ORGANIZATIONAL_UNIT));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      AppendixDVectors.OIDF_2022, AppendixDVectors.ECOSYSTEM_STANDARD, AppendixDVectors.ECOSYSTEM_STANDARD_BY_NAME})
  void subjectWithOrganizationIdentifierGivesOrgIdWithoutThePrefix(String text) {
    SubjectAttributes subject = SubjectAttributes.of(DistinguishedName.parse(text));

    assertThat(subject.organizationIdentifier()).contains("OFBBR-" + ORG_ID);
    assertThat(subject.ofbOrgId()).contains(new OfbOrgId(ORG_ID, OfbOrgId.Source.ORGANIZATION_IDENTIFIER));
  }

  @Test
  void readsTheSubjectOfACertificate() {
    X509Certificate certificate = CertificateIssuer.forSubject(AppendixDVectors.ECOSYSTEM_STANDARD)
        .key(KeySpec.ecP256()).selfSigned().certificate();

    SubjectAttributes subject = SubjectAttributes.of(certificate);

    assertThat(subject.uid()).contains("bc97b8f0-cae0-4f2f-9978-d93f0e56a833");
    assertThat(subject.ofbOrgId()).contains(new OfbOrgId(ORG_ID, OfbOrgId.Source.ORGANIZATION_IDENTIFIER));
    assertThat(subject.serialNumber()).contains("43142666000197");
    assertThat(subject.businessCategory()).contains("Private Organization");
    assertThat(subject.subject().matches(DistinguishedName.parse(AppendixDVectors.ECOSYSTEM_STANDARD_BY_NAME))).isTrue();
  }

  @ParameterizedTest(name = "{0} with prefix {1}")
  @CsvSource(delimiter = '|', nullValues = "none", value = {
      "organizationIdentifier=ACME-123,OU=legacy | ACME- | 123 | ORGANIZATION_IDENTIFIER",
      "organizationIdentifier=ofbbr-123,OU=legacy | OFBBR- | 123 | ORGANIZATION_IDENTIFIER",
      "organizationIdentifier=PSDBR-BCB-123,OU=legacy | OFBBR- | legacy | ORGANIZATIONAL_UNIT",
      "organizationIdentifier=OFBBR-,OU=legacy | OFBBR- | legacy | ORGANIZATIONAL_UNIT",
      "organizationIdentifier=PSDBR-BCB-123 | OFBBR- | none | none",
      "CN=no organisation at all | OFBBR- | none | none"})
  void orgIdFallsBackToOrganizationalUnit(String text, String prefix, String orgId, OfbOrgId.Source source) {
    SubjectAttributes subject = SubjectAttributes.of(DistinguishedName.parse(text));

    Optional<OfbOrgId> expected = orgId == null ? Optional.empty() : Optional.of(new OfbOrgId(orgId, source));
    assertThat(subject.ofbOrgId(prefix)).isEqualTo(expected);
  }

  @Test
  void refusesToChooseBetweenTwoSoftwareIds() {
    SubjectAttributes subject = SubjectAttributes.of(DistinguishedName.parse("UID=software-a,UID=software-b,C=BR"));

    assertThatThrownBy(subject::uid)
        .isInstanceOf(AmbiguousAttributeException.class)
        .hasMessage("the certificate subject carries 2 different UID (0.9.2342.19200300.100.1.1) values where one is expected");
  }

  @Test
  void refusesToChooseBetweenTwoLegacyOrgIds() {
    SubjectAttributes subject = SubjectAttributes.of(DistinguishedName.parse("CN=x,OU=org-a,OU=org-b"));

    assertThat(subject.organizationalUnits()).containsExactly("org-a", "org-b");
    assertThatThrownBy(subject::ofbOrgId).isInstanceOf(AmbiguousAttributeException.class);
  }

  @Test
  void repeatedIdenticalValueIsNotAmbiguous() {
    assertThat(SubjectAttributes.of(DistinguishedName.parse("UID=software-a+UID=software-a")).uid()).contains("software-a");
  }

  @Test
  void ukTransportSubjectGivesSoftwareIdFromCnAndOrgIdFromOu() {
    UkSubjectIdentity identity = UkSubjectIdentity.of(SubjectAttributes.of(
        DistinguishedName.parse("CN=2f0a8c7e3b6d4e1f,OU=0015800001041REAAY,O=OpenBanking,C=GB")));

    assertThat(identity.softwareId()).contains("2f0a8c7e3b6d4e1f");
    assertThat(identity.orgId()).contains("0015800001041REAAY");
    assertThat(identity.psd2OrganizationIdentifier()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "CN=TPPIdentifier,organizationIdentifier=PSDGB-OB-UnknownTPPID,O=Open Banking Limited (A),C=GB | GB | OB | UnknownTPPID",
      "CN=tpp.example,2.5.4.97=#0c1050534447422d4643412d313233343536,C=GB | GB | FCA | 123456"})
  void eidasSubjectGivesPsd2OrganizationIdentifier(String text, String country, String authority, String number) {
    UkSubjectIdentity identity = UkSubjectIdentity.of(SubjectAttributes.of(DistinguishedName.parse(text)));

    assertThat(identity.psd2OrganizationIdentifier())
        .contains(new Psd2OrganizationIdentifier(country, authority, number));
  }

  @ParameterizedTest
  @ValueSource(strings = {"OFBBR-" + ORG_ID, "PSDGB123456", "PSDgb-FCA-1", "PSDGB-F-1", "PSDGB-FCA-", "VATGB-123456"})
  void otherIdentifiersAreNotPsd2Ones(String organizationIdentifier) {
    assertThat(Psd2OrganizationIdentifier.parse(organizationIdentifier)).isEmpty();
  }
}
