package io.dcrgateway.devpki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/**
 * Fluent description of one certificate, finished by {@link #selfSigned()} or
 * {@link #signedBy(IssuedCertificate)}. Defaults: a fresh RSA 2048 key, a random serial, valid from
 * one hour ago for a year, end entity, no extendedKeyUsage, no SAN.
 *
 * <pre>{@code
 * IssuedCertificate leaf = CertificateIssuer.forSubject(OfbSubject.example().ecosystemName())
 *     .clientAuth().dnsNames("tpp.example").signedBy(issuingCa);
 * }</pre>
 */
public final class CertificateIssuer {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final X500Name subject;
  private KeySpec keySpec = KeySpec.rsa2048();
  private KeyPair keyPair;
  private Instant notBefore;
  private Instant notAfter;
  private BigInteger serial;
  private boolean certificateAuthority;
  private Integer pathLength;
  private Integer keyUsage;
  private final Set<KeyPurpose> purposes = EnumSet.noneOf(KeyPurpose.class);
  private final List<GeneralName> alternativeNames = new ArrayList<>();
  private final Map<ASN1ObjectIdentifier, Extension> extraExtensions = new LinkedHashMap<>();

  private CertificateIssuer(X500Name subject) {
    this.subject = subject;
  }

  public static CertificateIssuer forSubject(X500Name subject) {
    return new CertificateIssuer(subject);
  }

  /**
   * An RFC 4514 string such as {@code CN=dev,O=Example,C=BR}, read the way the JDK reads it (last
   * RDN first in ASN.1, PrintableString where the value allows), so {@code getName()} gives it back.
   */
  public static CertificateIssuer forSubject(String rfc4514Name) {
    return new CertificateIssuer(X500Name.getInstance(new X500Principal(rfc4514Name).getEncoded()));
  }

  public CertificateIssuer key(KeySpec spec) {
    this.keySpec = spec;
    this.keyPair = null;
    return this;
  }

  /** Reuse an existing key pair, e.g. to re-issue a certificate for the same key. */
  public CertificateIssuer keyPair(KeyPair existing) {
    this.keyPair = existing;
    return this;
  }

  /** Any window, including one entirely in the past (an expired certificate) or the future. */
  public CertificateIssuer validity(Instant notBefore, Instant notAfter) {
    this.notBefore = notBefore;
    this.notAfter = notAfter;
    return this;
  }

  public CertificateIssuer serial(BigInteger serialNumber) {
    this.serial = serialNumber;
    return this;
  }

  /** A CA without a path length constraint. */
  public CertificateIssuer certificateAuthority() {
    this.certificateAuthority = true;
    this.pathLength = null;
    return this;
  }

  /** A CA that may have at most {@code maxIntermediates} CAs below it (RFC 5280 §4.2.1.9). */
  public CertificateIssuer certificateAuthority(int maxIntermediates) {
    this.certificateAuthority = true;
    this.pathLength = maxIntermediates;
    return this;
  }

  /** Replaces the default keyUsage bits ({@link KeyUsage} constants OR-ed together). */
  public CertificateIssuer keyUsage(int bits) {
    this.keyUsage = bits;
    return this;
  }

  public CertificateIssuer clientAuth() {
    purposes.add(KeyPurpose.CLIENT_AUTH);
    return this;
  }

  public CertificateIssuer serverAuth() {
    purposes.add(KeyPurpose.SERVER_AUTH);
    return this;
  }

  public CertificateIssuer extendedKeyUsage(KeyPurpose... chosen) {
    purposes.clear();
    purposes.addAll(List.of(chosen));
    return this;
  }

  public CertificateIssuer noExtendedKeyUsage() {
    purposes.clear();
    return this;
  }

  public CertificateIssuer dnsNames(String... names) {
    for (String name : names) {
      alternativeNames.add(new GeneralName(GeneralName.dNSName, name));
    }
    return this;
  }

  /** IPv4 or IPv6 literals, e.g. {@code 127.0.0.1}. */
  public CertificateIssuer ipAddresses(String... addresses) {
    for (String address : addresses) {
      alternativeNames.add(new GeneralName(GeneralName.iPAddress, address));
    }
    return this;
  }

  /** Adds, or replaces a generated extension with, an arbitrary one: for tests of odd certificates. */
  public CertificateIssuer extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
    try {
      extraExtensions.put(oid, new Extension(oid, critical, value.toASN1Primitive().getEncoded()));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot encode extension " + oid, e);
    }
    return this;
  }

  /** Issuer = subject, signed with the certificate's own key: a trust anchor. */
  public IssuedCertificate selfSigned() {
    KeyPair keys = keys();
    X509Certificate certificate = build(subject, keys.getPublic(), keys.getPublic(), keys.getPrivate());
    return new IssuedCertificate(certificate, keys.getPrivate(), List.of());
  }

  /** Signed by {@code issuer}'s key; the issuer DN is copied byte for byte from the issuer's subject. */
  public IssuedCertificate signedBy(IssuedCertificate issuer) {
    KeyPair keys = keys();
    X500Name issuerName = X500Name.getInstance(issuer.subject().getEncoded());
    X509Certificate certificate = build(issuerName, issuer.certificate().getPublicKey(), keys.getPublic(), issuer.privateKey());
    List<X509Certificate> chain = new ArrayList<>();
    chain.add(issuer.certificate());
    chain.addAll(issuer.issuerChain());
    return new IssuedCertificate(certificate, keys.getPrivate(), chain);
  }

  private KeyPair keys() {
    if (keyPair == null) {
      keyPair = keySpec.generate();
    }
    return keyPair;
  }

  private X509Certificate build(X500Name issuerName, PublicKey issuerPublicKey, PublicKey subjectKey, PrivateKey issuerKey) {
    Instant now = Instant.now();
    Instant from = notBefore != null ? notBefore : now.minus(Duration.ofHours(1));
    Instant to = notAfter != null ? notAfter : now.plus(Duration.ofDays(365));
    BigInteger serialNumber = serial != null ? serial : new BigInteger(128, RANDOM).add(BigInteger.ONE);
    try {
      JcaX509ExtensionUtils keyIds = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
          issuerName, serialNumber, Date.from(from), Date.from(to), subject, subjectKey);
      builder.addExtension(Extension.basicConstraints, true,
          !certificateAuthority ? new BasicConstraints(false)
              : pathLength == null ? new BasicConstraints(true) : new BasicConstraints(pathLength));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsageBits(subjectKey)));
      if (!purposes.isEmpty()) {
        builder.addExtension(Extension.extendedKeyUsage, false,
            new ExtendedKeyUsage(purposes.stream().map(KeyPurpose::id).toArray(KeyPurposeId[]::new)));
      }
      if (!alternativeNames.isEmpty()) {
        builder.addExtension(Extension.subjectAlternativeName, false,
            new GeneralNames(alternativeNames.toArray(GeneralName[]::new)));
      }
      builder.addExtension(Extension.subjectKeyIdentifier, false, keyIds.createSubjectKeyIdentifier(subjectKey));
      builder.addExtension(Extension.authorityKeyIdentifier, false, keyIds.createAuthorityKeyIdentifier(issuerPublicKey));
      for (Extension extension : extraExtensions.values()) {
        if (builder.hasExtension(extension.getExtnId())) {
          builder.replaceExtension(extension);
        } else {
          builder.addExtension(extension);
        }
      }
      X509CertificateHolder holder = builder.build(ContentSigners.forKey(issuerKey));
      return new JcaX509CertificateConverter().getCertificate(holder);
    } catch (CertIOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot issue a certificate for " + subject, e);
    }
  }

  private int keyUsageBits(PublicKey subjectKey) {
    if (keyUsage != null) {
      return keyUsage;
    }
    if (certificateAuthority) {
      return KeyUsage.keyCertSign | KeyUsage.cRLSign;
    }
    // OFB Cert Std, client certificate: keyUsage critical,digitalSignature,keyEncipherment.
    // keyEncipherment means RSA key transport, so an EC leaf only signs.
    return subjectKey.getAlgorithm().equals("RSA")
        ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment
        : KeyUsage.digitalSignature;
  }
}
