package io.dcrgateway.revocation;

import java.io.IOException;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * One OCSP request about one certificate, with a fresh nonce (RFC 8954) so that a recorded
 * "good" answer cannot be replayed to the gateway after the certificate was revoked.
 *
 * @param id the certificate asked about: SHA-1 hashes of the issuer's name and key, and the
 *     serial (RFC 6960 §4.1.1; SHA-1 is what every responder understands)
 * @param nonce the request's nonce extension, which the answer must echo if it carries one
 * @param encoded the DER request to POST
 */
record OcspQuestion(CertificateID id, Extension nonce, byte[] encoded) {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** Identifies the certificate: what the cache is keyed by. */
  static CertificateID idOf(X509Certificate leaf, X509Certificate issuer) {
    try {
      return new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
          new JcaX509CertificateHolder(issuer), leaf.getSerialNumber());
    } catch (OperatorCreationException | OCSPException | CertificateEncodingException e) {
      throw new IllegalStateException("cannot identify the certificate for OCSP", e);
    }
  }

  static OcspQuestion about(CertificateID id) {
    byte[] nonce = new byte[16];
    RANDOM.nextBytes(nonce);
    try {
      Extension extension = new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
          new DEROctetString(nonce).getEncoded());
      byte[] encoded = new OCSPReqBuilder().addRequest(id)
          .setRequestExtensions(new Extensions(extension)).build().getEncoded();
      return new OcspQuestion(id, extension, encoded);
    } catch (OCSPException | IOException e) {
      throw new IllegalStateException("cannot encode an OCSP request", e);
    }
  }
}
