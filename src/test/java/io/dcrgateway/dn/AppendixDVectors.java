package io.dcrgateway.dn;

/** SPEC Appendix D: the subject DN strings the ecosystems send, verbatim where the SPEC gives them whole. */
final class AppendixDVectors {

  /** §1, 2021 style: org_id in OU; what the OIDF suite sends (Java RFC 2253). */
  static final String OIDF_2021 = "1.3.6.1.4.1.311.60.2.1.3=#13024252,2.5.4.15=#131450726976617465204f7267616e697a6174696f6e,UID=be42d3a5-9861-4305-9deb-a22756ea7e82,2.5.4.5=#130d31333335333233363030313839,CN=Whatever,OU=74e929d9-33b6-4d85-8ba7-c146c867a817,O=Open Banking Brasil,L=BOTAFOGO,ST=BOTAFOGO / RIO DE JANEIRO\\, RJ,C=BR";

  /** §1, 2022 style: org_id in organizationIdentifier, a PrintableString. */
  static final String OIDF_2022 = "UID=10120340-3318-4baf-99e2-0b56729c4ab2,2.5.4.97=#132a4f464242522d37346539323964392d333362362d346438352d386261372d633134366338363761383137,1.3.6.1.4.1.311.60.2.1.3=#1302554b,2.5.4.15=#1311476f7665726e6d656e7420456e74697479,2.5.4.5=#130e3433313432363636303030313937,CN=https://web.conformance.directory.openbankingbrasil.org.br,O=Open Banking Brasil,L=LONDON,ST=SP,C=BR";

  /**
   * §2, the ecosystem standard DN (after 2023-01-19). The SPEC elides the organizationIdentifier
   * hex; the org_id of §1 stands in, UTF8String as §2 prescribes.
   */
  static final String ECOSYSTEM_STANDARD = "CN=web.conftpp.directory.openbankingbrasil.org.br,UID=bc97b8f0-cae0-4f2f-9978-d93f0e56a833,2.5.4.97=#0c2a4f464242522d37346539323964392d333362362d346438352d386261372d633134366338363761383137,L=Sao Paulo,ST=SP,O=Chicago Advisory Partners,C=BR,2.5.4.5=#130e3433313432363636303030313937,1.3.6.1.4.1.311.60.2.1.3=#13024252,2.5.4.15=#0c1450726976617465204f7267616e697a6174696f6e";

  /** The same subject with every attribute by the names OpenSSL prints (jurisdictionC, businessCategory). */
  static final String ECOSYSTEM_STANDARD_BY_NAME = "CN=web.conftpp.directory.openbankingbrasil.org.br,UID=bc97b8f0-cae0-4f2f-9978-d93f0e56a833,organizationIdentifier=OFBBR-74e929d9-33b6-4d85-8ba7-c146c867a817,L=Sao Paulo,ST=SP,O=Chicago Advisory Partners,C=BR,serialNumber=43142666000197,jurisdictionC=BR,businessCategory=Private Organization";

  /** §1, non-ASCII emitted unescaped ("…,L=São Paulo,ST=SP,C=BR"), completed with the 2022 subject. */
  static final String SAO_PAULO = "UID=10120340-3318-4baf-99e2-0b56729c4ab2,CN=https://web.conformance.directory.openbankingbrasil.org.br,O=Open Banking Brasil,L=São Paulo,ST=SP,C=BR";

  /**
   * §1, the historical short-name form ("UID=…,jurisdictionCountryName=BR,businessCategory=Private
   * Organization,serialNumber=1335323600189,CN=…,OU=…,O=…,L=…,ST=…,C=BR"), completed with the
   * 2021 subject's values.
   */
  static final String HISTORICAL_BY_NAME = "UID=be42d3a5-9861-4305-9deb-a22756ea7e82,jurisdictionCountryName=BR,businessCategory=Private Organization,serialNumber=1335323600189,CN=Whatever,OU=74e929d9-33b6-4d85-8ba7-c146c867a817,O=Open Banking Brasil,L=BOTAFOGO,ST=BOTAFOGO / RIO DE JANEIRO\\, RJ,C=BR";

  /** {@link #HISTORICAL_BY_NAME} in RDN order, written the way Java prints it. */
  static final String HISTORICAL_BY_OID = "UID=be42d3a5-9861-4305-9deb-a22756ea7e82,1.3.6.1.4.1.311.60.2.1.3=#13024252,2.5.4.15=#131450726976617465204f7267616e697a6174696f6e,2.5.4.5=#130d31333335333233363030313839,CN=Whatever,OU=74e929d9-33b6-4d85-8ba7-c146c867a817,O=Open Banking Brasil,L=BOTAFOGO,ST=BOTAFOGO / RIO DE JANEIRO\\, RJ,C=BR";

  static final String ORG_ID = "74e929d9-33b6-4d85-8ba7-c146c867a817";

  private AppendixDVectors() {
  }
}
