package io.dcrgateway.devpki;

import com.nimbusds.jose.jwk.RSAKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * A whole dev ecosystem in memory: TPP, server, rogue and untrusted CAs, the gateway's server
 * certificate, one client certificate (and request signing key) per case the gateway must accept or
 * refuse, and the directory's SSA signing key (PS256 with a kid, BR-06). {@link DevPki} writes it
 * to disk; tests may use it directly.
 */
public record DevEcosystem(
    Instant generatedAt,
    IssuedCertificate tppRootCa,
    IssuedCertificate tppIssuingCa,
    IssuedCertificate serverCa,
    IssuedCertificate rogueCa,
    IssuedCertificate untrustedCa,
    IssuedCertificate server,
    Map<String, DevClient> clients,
    RSAKey directoryKey,
    IssuedCertificate ocspResponder,
    X509CRL tppIssuingCrl) {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String CLIENT_DOMAIN = ".tpp.dcr-gateway.test";
  private static final Duration CLIENT_LIFETIME = Duration.ofDays(2 * 365);

  public DevEcosystem {
    clients = Map.copyOf(clients);
  }

  public DevClient client(String name) {
    DevClient client = clients.get(name);
    if (client == null) {
      throw new IllegalArgumentException("no dev client named " + name);
    }
    return client;
  }

  /** A directory participant: one organisation with one registered software. */
  private record Participant(String orgId, String cnpj, String organizationName, String softwareId) {

    static Participant random(String organizationName) {
      return new Participant(UUID.randomUUID().toString(), Cnpj.random(), organizationName, UUID.randomUUID().toString());
    }

    OfbSubject subject(String commonName) {
      return OfbSubject.of(commonName, softwareId, orgId, cnpj, organizationName);
    }
  }

  /**
   * OFB Cert Std client certificate profile minus the subject: RSA 2048, SHA256withRSA, clientAuth,
   * keyUsage digitalSignature+keyEncipherment, SAN dNSName equal to the CN's host name.
   */
  private record LeafTemplate(String hostName, Instant notBefore, Instant notAfter, KeySpec keySpec, KeyPurpose purpose) {

    LeafTemplate key(KeySpec spec) {
      return new LeafTemplate(hostName, notBefore, notAfter, spec, purpose);
    }

    LeafTemplate extendedKeyUsage(KeyPurpose only) {
      return new LeafTemplate(hostName, notBefore, notAfter, keySpec, only);
    }

    IssuedCertificate issue(X500Name subject, IssuedCertificate issuer) {
      return CertificateIssuer.forSubject(subject)
          .key(keySpec)
          .extendedKeyUsage(purpose)
          .dnsNames(hostName)
          .validity(notBefore, notAfter)
          .signedBy(issuer);
    }
  }

  public static DevEcosystem generate() {
    return generate(Instant.now());
  }

  public static DevEcosystem generate(Instant now) {
    Instant notBefore = now.minus(Duration.ofHours(1));
    Instant clientNotAfter = now.plus(CLIENT_LIFETIME);

    IssuedCertificate tppRoot = CertificateIssuer.forSubject(devName("TPP Root CA"))
        .certificateAuthority().validity(notBefore, now.plus(Duration.ofDays(3650))).selfSigned();
    // pathLen 0: the issuing CA signs client certificates only, never another CA.
    IssuedCertificate tppIssuing = CertificateIssuer.forSubject(devName("TPP Issuing CA"))
        .certificateAuthority(0).validity(notBefore, now.plus(Duration.ofDays(1825))).signedBy(tppRoot);
    IssuedCertificate serverCa = CertificateIssuer.forSubject(devName("Server CA"))
        .certificateAuthority(0).validity(notBefore, now.plus(Duration.ofDays(3650))).selfSigned();
    // Same subject as the issuing CA, so a forgery's issuer DN names the real CA (BR-01).
    IssuedCertificate rogueCa = CertificateIssuer.forSubject(X500Name.getInstance(tppIssuing.subject().getEncoded()))
        .certificateAuthority(0).validity(notBefore, now.plus(Duration.ofDays(1825))).selfSigned();
    IssuedCertificate untrustedCa = CertificateIssuer.forSubject(devName("Untrusted CA"))
        .certificateAuthority(0).validity(notBefore, now.plus(Duration.ofDays(1825))).selfSigned();

    IssuedCertificate server = CertificateIssuer.forSubject("CN=localhost,O=dcr-gateway dev PKI,C=BR")
        .serverAuth().dnsNames("localhost").ipAddresses("127.0.0.1")
        .validity(notBefore, clientNotAfter).signedBy(serverCa);

    Participant tpp1 = Participant.random("Dev TPP One Ltda");
    Participant tpp2 = Participant.random("Dev TPP Two S.A.");
    Map<String, DevClient> clients = new LinkedHashMap<>();

    DevClient tpp1a = ofbClient(DevPkiLayout.OFB_TPP1_A, tpp1,
        "accepted: TPP 1's software, first of two certificates", leaf(DevPkiLayout.OFB_TPP1_A, notBefore, clientNotAfter), tppIssuing);
    put(clients, tpp1a);
    put(clients, ofbClient(DevPkiLayout.OFB_TPP1_B, tpp1,
        "accepted: TPP 1's software, second certificate (DCM from another certificate of the same software)",
        leaf(DevPkiLayout.OFB_TPP1_B, notBefore, clientNotAfter), tppIssuing));
    put(clients, ofbClient(DevPkiLayout.OFB_TPP2, tpp2,
        "accepted: another organisation and software (takeover attempts against TPP 1)",
        leaf(DevPkiLayout.OFB_TPP2, notBefore, clientNotAfter), tppIssuing));
    put(clients, legacyClient(tpp1, leaf(DevPkiLayout.OFB_LEGACY, notBefore, clientNotAfter), tppIssuing));
    put(clients, ukClient(leaf(DevPkiLayout.UK_TPP, notBefore, clientNotAfter), tppIssuing));
    put(clients, ofbClient(DevPkiLayout.EXPIRED, tpp1, "rejected: expired (notAfter a day ago)",
        leaf(DevPkiLayout.EXPIRED, now.minus(Duration.ofDays(2 * 365)), now.minus(Duration.ofDays(1))), tppIssuing));
    put(clients, ofbClient(DevPkiLayout.UNTRUSTED, tpp1, "rejected: issued by a self-signed CA outside the trust bundle",
        leaf(DevPkiLayout.UNTRUSTED, notBefore, clientNotAfter), untrustedCa));
    IssuedCertificate forged = CertificateForgery.forge(tpp1a.issued().certificate(), rogueCa);
    put(clients, new DevClient(DevPkiLayout.FORGED, SubjectLayout.OFB_ECOSYSTEM,
        "rejected: copy of ofb-tpp1-a (subject, issuer DN, serial, extensions) on a new key signed by the rogue CA",
        tpp1.softwareId(), tpp1.orgId(), tpp1.cnpj(), forged, Ps256Keys.generate()));
    put(clients, ofbClient(DevPkiLayout.WEAK_KEY, tpp1, "rejected where BR-02 is enforced: RSA 1024 key (OFB Cert Std asks for RSA 2048)",
        leaf(DevPkiLayout.WEAK_KEY, notBefore, clientNotAfter).key(KeySpec.rsa(1024)), tppIssuing));
    put(clients, ofbClient(DevPkiLayout.WRONG_EKU, tpp1, "rejected where BR-02 is enforced: extendedKeyUsage serverAuth only, no clientAuth",
        leaf(DevPkiLayout.WRONG_EKU, notBefore, clientNotAfter).extendedKeyUsage(KeyPurpose.SERVER_AUTH), tppIssuing));

    DevClient revoked = ofbClient(DevPkiLayout.REVOKED, tpp1,
        "rejected where revocation is checked: on the issuing CA's CRL and revoked in the OCSP index (keyCompromise)",
        leaf(DevPkiLayout.REVOKED, notBefore, clientNotAfter), tppIssuing);
    put(clients, revoked);

    // RFC 6960 §4.2.2.2: a delegated responder, issued by the CA it answers for, id-kp-OCSPSigning only.
    IssuedCertificate ocspResponder = CertificateIssuer.forSubject(devName("TPP Issuing CA OCSP Responder"))
        .keyUsage(org.bouncycastle.asn1.x509.KeyUsage.digitalSignature)
        .extendedKeyUsage(KeyPurpose.OCSP_SIGNING)
        .validity(notBefore, clientNotAfter).signedBy(tppIssuing);
    X509CRL crl = CrlIssuer.by(tppIssuing)
        .validity(now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(30)))
        .revoke(revoked.issued().certificate().getSerialNumber(), now.minus(Duration.ofMinutes(10)),
            org.bouncycastle.asn1.x509.CRLReason.keyCompromise)
        .issue();

    return new DevEcosystem(now, tppRoot, tppIssuing, serverCa, rogueCa, untrustedCa, server, clients,
        Ps256Keys.generate(), ocspResponder, crl);
  }

  private static LeafTemplate leaf(String name, Instant notBefore, Instant notAfter) {
    return new LeafTemplate(name + CLIENT_DOMAIN, notBefore, notAfter, KeySpec.rsa2048(), KeyPurpose.CLIENT_AUTH);
  }

  private static DevClient ofbClient(String name, Participant participant, String description, LeafTemplate leaf,
      IssuedCertificate issuer) {
    IssuedCertificate issued = leaf.issue(participant.subject(leaf.hostName()).ecosystemName(), issuer);
    return new DevClient(name, SubjectLayout.OFB_ECOSYSTEM, description,
        participant.softwareId(), participant.orgId(), participant.cnpj(), issued, Ps256Keys.generate());
  }

  /** Same organisation and software as TPP 1, so the OU and organizationIdentifier readings can be compared. */
  private static DevClient legacyClient(Participant tpp1, LeafTemplate leaf, IssuedCertificate issuer) {
    IssuedCertificate issued = leaf.issue(tpp1.subject(leaf.hostName()).legacyName(), issuer);
    return new DevClient(DevPkiLayout.OFB_LEGACY, SubjectLayout.OFB_LEGACY,
        "accepted: TPP 1's organisation and software in the pre-2022-08-31 layout (org_id in OU)",
        tpp1.softwareId(), tpp1.orgId(), tpp1.cnpj(), issued, Ps256Keys.generate());
  }

  /**
   * UK-04: the software_id is the request's iss and must match ^[0-9a-zA-Z]{1,22}$, so UK ids are
   * Base62 like the OB Directory's (22 characters for software, 18 for the organisation), not UUIDs.
   */
  private static DevClient ukClient(LeafTemplate leaf, IssuedCertificate issuer) {
    String softwareId = base62(22);
    String orgId = base62(18);
    IssuedCertificate issued = leaf.issue(new UkTransportSubject(softwareId, orgId).name(), issuer);
    return new DevClient(DevPkiLayout.UK_TPP, SubjectLayout.UK_TRANSPORT,
        "accepted: UK Open Banking transport certificate layout",
        softwareId, orgId, null, issued, Ps256Keys.generate());
  }

  private static void put(Map<String, DevClient> clients, DevClient client) {
    clients.put(client.name(), client);
  }

  private static String devName(String commonName) {
    return "CN=dcr-gateway dev " + commonName + ",O=dcr-gateway dev PKI,C=BR";
  }

  private static String base62(int length) {
    String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    StringBuilder id = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return id.toString();
  }
}
