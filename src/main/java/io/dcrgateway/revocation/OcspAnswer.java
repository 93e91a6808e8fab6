package io.dcrgateway.revocation;

import java.io.IOException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Reads an OCSP answer and decides what it proves, with BouncyCastle doing the parsing and the
 * signature check. An answer proves something only if (RFC 6960 §3.2, §4.2.2.2):
 * <ul>
 *   <li>it is signed by the issuing CA itself, or by a responder certificate the CA issued with
 *       id-kp-OCSPSigning, valid now (anyone else could sign "good" for a revoked certificate);
 *   <li>it echoes the request's nonce when it carries one (a replayed answer carries another);
 *   <li>it is fresh: thisUpdate not in the future beyond the skew and not older than max-age,
 *       nextUpdate (if given) not passed.
 * </ul>
 * Anything less is {@code UNKNOWN} with the reason: the trust domain's mode decides what that means.
 */
final class OcspAnswer {

  static final String METHOD = "ocsp";
  static final String OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";
  /** Clocks of responders and gateway disagree a little; RFC 5019 §4 suggests tolerating that. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
  /** A responder without nextUpdate has newer information at any time: reuse its answer briefly. */
  static final Duration WITHOUT_NEXT_UPDATE = Duration.ofMinutes(5);

  private OcspAnswer() {
  }

  static RevocationStatus read(byte[] der, OcspQuestion question, X509Certificate issuer, Instant now,
      Duration maxAge) {
    Instant retry = now.plus(Duration.ofMinutes(1));
    BasicOCSPResp basic;
    try {
      OCSPResp response = new OCSPResp(der);
      if (response.getStatus() != OCSPResp.SUCCESSFUL) {
        return RevocationStatus.unknown(METHOD, "OCSP responder refused the request (status "
            + response.getStatus() + ")", retry);
      }
      if (!(response.getResponseObject() instanceof BasicOCSPResp b)) {
        return RevocationStatus.unknown(METHOD, "OCSP answer is not a basic response", retry);
      }
      basic = b;
    } catch (IOException | org.bouncycastle.cert.ocsp.OCSPException | RuntimeException e) {
      return RevocationStatus.unknown(METHOD, "OCSP answer cannot be parsed", retry);
    }
    Optional<String> signer = authorisedSigner(basic, issuer, now);
    if (signer.isEmpty()) {
      return RevocationStatus.unknown(METHOD,
          "OCSP answer is not signed by the issuing CA or a responder it authorised", retry);
    }
    Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
    if (echoed != null && !echoed.getExtnValue().equals(question.nonce().getExtnValue())) {
      return RevocationStatus.unknown(METHOD, "OCSP answer carries another request's nonce (replayed?)", retry);
    }
    SingleResp single = null;
    for (SingleResp candidate : basic.getResponses()) {
      if (candidate.getCertID().equals(question.id())) {
        single = candidate;
      }
    }
    if (single == null) {
      return RevocationStatus.unknown(METHOD, "OCSP answer is about another certificate", retry);
    }
    Instant thisUpdate = single.getThisUpdate().toInstant();
    Optional<Instant> nextUpdate = Optional.ofNullable(single.getNextUpdate()).map(Date::toInstant);
    if (thisUpdate.isAfter(now.plus(CLOCK_SKEW))) {
      return RevocationStatus.unknown(METHOD, "OCSP answer's thisUpdate " + thisUpdate + " is in the future", retry);
    }
    if (thisUpdate.plus(maxAge).isBefore(now)) {
      return RevocationStatus.unknown(METHOD, "OCSP answer is stale: thisUpdate " + thisUpdate
          + " is older than the maximum age " + maxAge, retry);
    }
    if (nextUpdate.isPresent() && !nextUpdate.get().isAfter(now)) {
      return RevocationStatus.unknown(METHOD, "OCSP answer is stale: its nextUpdate " + nextUpdate.get()
          + " has passed", retry);
    }
    Instant validUntil = earliest(thisUpdate.plus(maxAge), nextUpdate.orElse(now.plus(WITHOUT_NEXT_UPDATE)));
    CertificateStatus status = single.getCertStatus();
    if (status == CertificateStatus.GOOD) {
      return RevocationStatus.good(METHOD, "OCSP: good (signed by " + signer.get() + ")", validUntil);
    }
    if (status instanceof RevokedStatus revoked) {
      return RevocationStatus.revoked(METHOD, "revoked at " + revoked.getRevocationTime().toInstant()
          + reason(revoked) + " (OCSP)", validUntil);
    }
    return RevocationStatus.unknown(METHOD, "OCSP responder does not know the certificate", retry);
  }

  private static String reason(RevokedStatus revoked) {
    if (!revoked.hasRevocationReason()) {
      return "";
    }
    return ", reason " + CRLReason.lookup(revoked.getRevocationReason()).toString().replaceFirst("^CRLReason: ", "");
  }

  /** The CA itself, or a delegated responder certificate it issued for OCSP signing. */
  private static Optional<String> authorisedSigner(BasicOCSPResp basic, X509Certificate issuer, Instant now) {
    if (verifies(basic, issuer.getPublicKey())) {
      return Optional.of("the issuing CA");
    }
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    for (X509CertificateHolder holder : basic.getCerts()) {
      try {
        X509Certificate responder = converter.getCertificate(holder);
        List<String> purposes = responder.getExtendedKeyUsage();
        if (!responder.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())
            || purposes == null || !purposes.contains(OCSP_SIGNING)) {
          continue;
        }
        responder.verify(issuer.getPublicKey());
        responder.checkValidity(Date.from(now));
        if (verifies(basic, responder.getPublicKey())) {
          return Optional.of("delegated responder " + responder.getSubjectX500Principal().getName());
        }
      } catch (Exception e) {
        // Not issued by the CA, expired, or unreadable: not an authorised responder; try the next.
      }
    }
    return Optional.empty();
  }

  private static boolean verifies(BasicOCSPResp basic, PublicKey key) {
    try {
      return basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key));
    } catch (Exception e) {
      return false;
    }
  }

  private static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
