package io.dcrgateway.devpki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/**
 * A CRL signed by a dev CA (RFC 5280 §5), with BouncyCastle's {@link X509v2CRLBuilder}. Defaults:
 * thisUpdate now, nextUpdate in a week, nothing revoked. Any window may be given, including one
 * already over (a stale CRL), and any signer (a CRL the CA did not sign).
 *
 * <pre>{@code
 * X509CRL crl = CrlIssuer.by(issuingCa).revoke(serial, when, CRLReason.keyCompromise).issue();
 * }</pre>
 */
public final class CrlIssuer {

  private final IssuedCertificate ca;
  private Instant thisUpdate;
  private Instant nextUpdate;
  private BigInteger number = BigInteger.ONE;
  private final List<Entry> revoked = new ArrayList<>();

  private record Entry(BigInteger serial, Instant when, int reason) {
  }

  private CrlIssuer(IssuedCertificate ca) {
    this.ca = ca;
  }

  /** Issuer name from {@code ca}'s subject, signed with {@code ca}'s key. */
  public static CrlIssuer by(IssuedCertificate ca) {
    return new CrlIssuer(ca);
  }

  public CrlIssuer validity(Instant thisUpdate, Instant nextUpdate) {
    this.thisUpdate = thisUpdate;
    this.nextUpdate = nextUpdate;
    return this;
  }

  public CrlIssuer number(BigInteger crlNumber) {
    this.number = crlNumber;
    return this;
  }

  /** @param reason an {@link org.bouncycastle.asn1.x509.CRLReason} constant */
  public CrlIssuer revoke(BigInteger serial, Instant when, int reason) {
    revoked.add(new Entry(serial, when, reason));
    return this;
  }

  public X509CRL issue() {
    Instant now = Instant.now();
    Instant from = thisUpdate != null ? thisUpdate : now;
    Instant to = nextUpdate != null ? nextUpdate : now.plus(Duration.ofDays(7));
    try {
      X509v2CRLBuilder builder = new X509v2CRLBuilder(X500Name.getInstance(ca.subject().getEncoded()), Date.from(from));
      builder.setNextUpdate(Date.from(to));
      for (Entry entry : revoked) {
        builder.addCRLEntry(entry.serial(), Date.from(entry.when()), entry.reason());
      }
      builder.addExtension(Extension.authorityKeyIdentifier, false,
          new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.certificate().getPublicKey()));
      builder.addExtension(Extension.cRLNumber, false, new CRLNumber(number));
      return new JcaX509CRLConverter().getCRL(builder.build(ContentSigners.forKey(ca.privateKey())));
    } catch (CertIOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot issue a CRL for " + ca.subject(), e);
    }
  }
}
