package io.dcrgateway.policy.rules;

import static io.dcrgateway.policy.PolicyFixture.assertPasses;
import static io.dcrgateway.policy.PolicyFixture.assertRejects;
import static io.dcrgateway.policy.PolicyFixture.context;
import static io.dcrgateway.policy.PolicyFixture.ofbClaims;
import static io.dcrgateway.policy.PolicyFixture.ofbStatement;
import static io.dcrgateway.policy.PolicyFixture.register;
import static io.dcrgateway.policy.PolicyFixture.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.devpki.CertificateIssuer;
import io.dcrgateway.devpki.IssuedCertificate;
import io.dcrgateway.devpki.KeySpec;
import io.dcrgateway.policy.Operation;
import io.dcrgateway.policy.RegistrationContext;
import io.dcrgateway.policy.Rule;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RFC 8705 §2.1, OFB DCR 7.1-11, 7.1.2, 7.3 (SPEC BR-14, BRM-08): tls_client_auth_subject_dn is an
 * RFC 4514 name matching the presented certificate by distinguishedNameMatch. Vectors from SPEC
 * Appendix D.
 */
class SubjectDnMatchesCertificateTest {

  // Appendix D §1: what the OIDF suite sends (Java RFC 2253), 2021 layout with org_id in OU.
  static final String SUITE_2021 = "1.3.6.1.4.1.311.60.2.1.3=#13024252,"
      + "2.5.4.15=#131450726976617465204f7267616e697a6174696f6e,UID=be42d3a5-9861-4305-9deb-a22756ea7e82,"
      + "2.5.4.5=#130d31333335333233363030313839,CN=Whatever,OU=74e929d9-33b6-4d85-8ba7-c146c867a817,"
      + "O=Open Banking Brasil,L=BOTAFOGO,ST=BOTAFOGO / RIO DE JANEIRO\\, RJ,C=BR";
  // Appendix D §1: the historical name form of the same subject.
  static final String SUITE_2021_NAME_FORM = "jurisdictionCountryName=BR,businessCategory=Private Organization,"
      + "UID=be42d3a5-9861-4305-9deb-a22756ea7e82,serialNumber=1335323600189,CN=Whatever,"
      + "OU=74e929d9-33b6-4d85-8ba7-c146c867a817,O=Open Banking Brasil,L=BOTAFOGO,ST=BOTAFOGO / RIO DE JANEIRO\\, RJ,C=BR";
  // Appendix D §1: 2022 layout, organizationIdentifier as a PrintableString.
  static final String SUITE_2022 = "UID=10120340-3318-4baf-99e2-0b56729c4ab2,"
      + "2.5.4.97=#132a4f464242522d37346539323964392d333362362d346438352d386261372d633134366338363761383137,"
      + "1.3.6.1.4.1.311.60.2.1.3=#1302554b,2.5.4.15=#1311476f7665726e6d656e7420456e74697479,"
      + "2.5.4.5=#130e3433313432363636303030313937,CN=https://web.conformance.directory.openbankingbrasil.org.br,"
      + "O=Open Banking Brasil,L=LONDON,ST=SP,C=BR";
  // Appendix D §2: the ecosystem-standard layout (UTF8 values), organizationIdentifier spelled out.
  static final String ECOSYSTEM = "CN=web.conftpp.directory.openbankingbrasil.org.br,"
      + "UID=bc97b8f0-cae0-4f2f-9978-d93f0e56a833,"
      + "2.5.4.97=#0c2a4f464242522d37346539323964392d333362362d346438352d386261372d633134366338363761383137,"
      + "L=Sao Paulo,ST=SP,O=Chicago Advisory Partners,C=BR,2.5.4.5=#130e3433313432363636303030313937,"
      + "1.3.6.1.4.1.311.60.2.1.3=#13024252,2.5.4.15=#0c1450726976617465204f7267616e697a6174696f6e";
  // Appendix D §1: non-ASCII values are sent unescaped.
  static final String NON_ASCII = "UID=10120340-3318-4baf-99e2-0b56729c4ab2,CN=tpp.example,O=Open Banking Brasil,"
      + "L=São Paulo,ST=SP,C=BR";

  private static final Map<String, IssuedCertificate> CERTIFICATES = Map.of(
      "SUITE_2021", minted(SUITE_2021), "SUITE_2022", minted(SUITE_2022), "ECOSYSTEM", minted(ECOSYSTEM),
      "NON_ASCII", minted(NON_ASCII));

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "SUITE_2021 | as the suite sends it        | " + SUITE_2021,
      "SUITE_2021 | with descriptors (ID1 form)  | " + SUITE_2021_NAME_FORM,
      "SUITE_2021 | hex in upper case            | 1.3.6.1.4.1.311.60.2.1.3=#13024252,2.5.4.15=#131450726976617465204F7267616E697A6174696F6E,UID=BE42D3A5-9861-4305-9DEB-A22756EA7E82,2.5.4.5=#130d31333335333233363030313839,cn=whatever,ou=74e929d9-33b6-4d85-8ba7-c146c867a817,o=OPEN BANKING BRASIL,l=Botafogo,st=botafogo / rio de janeiro\\, rj,c=br",
      "SUITE_2022 | as the suite sends it        | " + SUITE_2022,
      "SUITE_2022 | value case and spaces differ | UID=10120340-3318-4BAF-99E2-0B56729C4AB2,2.5.4.97=#132a4f464242522d37346539323964392d333362362d346438352d386261372d633134366338363761383137,1.3.6.1.4.1.311.60.2.1.3=#1302554b,2.5.4.15=#1311476f7665726e6d656e7420456e74697479,2.5.4.5=#130e3433313432363636303030313937,CN=HTTPS://WEB.CONFORMANCE.DIRECTORY.OPENBANKINGBRASIL.ORG.BR,O=Open  Banking Brasil,L=London,ST=sp,C=BR",
      "ECOSYSTEM  | as the suite sends it        | " + ECOSYSTEM,
      "NON_ASCII  | unescaped non-ASCII          | " + NON_ASCII,
  })
  void acceptsTheSubjectOfThePresentedCertificateInAnyEquivalentSpelling(String certificate, String spelling,
      String subjectDn) {
    assertPasses(rule("tls-client-auth.subject-dn-matches-certificate").evaluate(over(certificate, subjectDn)));
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "SUITE_2022 | another UID              | UID=be42d3a5-9861-4305-9deb-a22756ea7e82,2.5.4.97=#132a4f464242522d37346539323964392d333362362d346438352d386261372d633134366338363761383137,1.3.6.1.4.1.311.60.2.1.3=#1302554b,2.5.4.15=#1311476f7665726e6d656e7420456e74697479,2.5.4.5=#130e3433313432363636303030313937,CN=https://web.conformance.directory.openbankingbrasil.org.br,O=Open Banking Brasil,L=LONDON,ST=SP,C=BR",
      "SUITE_2022 | RDNs in another order    | 2.5.4.97=#132a4f464242522d37346539323964392d333362362d346438352d386261372d633134366338363761383137,UID=10120340-3318-4baf-99e2-0b56729c4ab2,1.3.6.1.4.1.311.60.2.1.3=#1302554b,2.5.4.15=#1311476f7665726e6d656e7420456e74697479,2.5.4.5=#130e3433313432363636303030313937,CN=https://web.conformance.directory.openbankingbrasil.org.br,O=Open Banking Brasil,L=LONDON,ST=SP,C=BR",
      "SUITE_2022 | an RDN missing           | UID=10120340-3318-4baf-99e2-0b56729c4ab2,CN=https://web.conformance.directory.openbankingbrasil.org.br,O=Open Banking Brasil,L=LONDON,ST=SP,C=BR",
      "ECOSYSTEM  | another certificate's DN | " + SUITE_2021,
  })
  void rejectsASubjectDnOfAnotherCertificateNamingTheCertificatesSubject(String certificate, String spelling,
      String subjectDn) {
    var reject = assertRejects(rule("tls-client-auth.subject-dn-matches-certificate")
        .evaluate(over(certificate, subjectDn)), "invalid_client_metadata");
    assertThat(reject.description()).startsWith("tls_client_auth_subject_dn does not match the subject of the client"
        + " certificate").contains(CERTIFICATES.get(certificate).subject().getName());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "no value              | CN",
      "unterminated escape   | CN=tpp\\",
      "empty attribute type  | CN=tpp,=x",
      "bad hex value         | CN=tpp,2.5.4.15=#13zz",
  })
  void rejectsASubjectDnThatIsNotRfc4514WithTheParseProblem(String name, String subjectDn) {
    var reject = assertRejects(rule("tls-client-auth.subject-dn-matches-certificate")
        .evaluate(register(new JsonObject().put("tls_client_auth_subject_dn", subjectDn))), "invalid_client_metadata");
    assertThat(reject.description()).startsWith("tls_client_auth_subject_dn is not a valid RFC 4514 distinguished name");
  }

  @Test
  void rejectsASubjectDnThatIsNotAString() {
    var reject = assertRejects(rule("tls-client-auth.subject-dn-matches-certificate")
        .evaluate(register(new JsonObject().put("tls_client_auth_subject_dn", new JsonObject()))), "invalid_client_metadata");
    assertThat(reject.description()).contains("must be a string");
  }

  @Test
  void strictOfbFormRejectsDescriptorsOtherThanTheRfc4514Nine() {
    Rule strict = rule("tls-client-auth.subject-dn-matches-certificate", Map.of("strict-ofb-form", true));
    assertPasses(strict.evaluate(over("SUITE_2021", SUITE_2021)));
    var reject = assertRejects(strict.evaluate(over("SUITE_2021", SUITE_2021_NAME_FORM)), "invalid_client_metadata");
    assertThat(reject.description()).startsWith("tls_client_auth_subject_dn is not in the form OFB DCR §7.1.2 requires")
        .contains("2.5.4.15", "1.3.6.1.4.1.311.60.2.1.3", "2.5.4.5");
  }

  @Test
  void checksOnlyTheSyntaxWhenNotMatchingTheCertificate() {
    Rule syntaxOnly = rule("tls-client-auth.subject-dn-matches-certificate", Map.of("match-certificate", false));
    // UK DCR v3.4 example (SPEC UK-11): not the certificate of this connection.
    assertPasses(syntaxOnly.evaluate(register(new JsonObject().put("tls_client_auth_subject_dn",
        "CN=TPPIdentifier,organizationIdentifier=PSDGB-OB-UnknownTPPID,O=Open Banking Limited (A),C=GB"))));
    assertRejects(syntaxOnly.evaluate(register(new JsonObject().put("tls_client_auth_subject_dn", "not a dn"))),
        "invalid_client_metadata");
  }

  @Test
  void leavesAnAbsentSubjectDnToTheSingleSubjectRule() {
    assertPasses(rule("tls-client-auth.subject-dn-matches-certificate").evaluate(register(new JsonObject())));
  }

  @Test
  void appliesToRegistrationOnlyUnlessOnUpdateSoAnUpdateMayMoveToAnotherCertificate() {
    // BRM-08: a PUT may name another certificate of the same software, sent over the old one.
    assertThat(rule("tls-client-auth.subject-dn-matches-certificate").operations()).containsExactly(Operation.REGISTER);
    assertThat(rule("tls-client-auth.subject-dn-matches-certificate", Map.of("on-update", true)).operations())
        .containsExactlyInAnyOrder(Operation.REGISTER, Operation.UPDATE);
  }

  private static RegistrationContext over(String certificate, String subjectDn) {
    return context(Operation.REGISTER,
        new JsonObject().put("token_endpoint_auth_method", "tls_client_auth").put("tls_client_auth_subject_dn", subjectDn),
        Optional.of(ofbStatement(ofbClaims())), CERTIFICATES.get(certificate), Optional.empty());
  }

  private static IssuedCertificate minted(String rfc4514) {
    return CertificateIssuer.forSubject(rfc4514).key(KeySpec.ecP256()).clientAuth().selfSigned();
  }
}
