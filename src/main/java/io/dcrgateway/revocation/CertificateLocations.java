package io.dcrgateway.revocation;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/**
 * Where a certificate says its revocation status is published: the OCSP responders of its
 * Authority Information Access (RFC 5280 §4.2.2.1) and its CRL distribution points (§4.2.1.13).
 * Only http and https locations: the gateway does not speak LDAP, and a malformed extension gives
 * no location rather than an error (the mode then decides).
 */
final class CertificateLocations {

  private CertificateLocations() {
  }

  static List<URI> ocspResponders(X509Certificate certificate) {
    List<URI> found = new ArrayList<>();
    try {
      byte[] value = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
      if (value == null) {
        return found;
      }
      AuthorityInformationAccess aia = AuthorityInformationAccess.getInstance(
          JcaX509ExtensionUtils.parseExtensionValue(value));
      for (AccessDescription access : aia.getAccessDescriptions()) {
        if (AccessDescription.id_ad_ocsp.equals(access.getAccessMethod())) {
          httpUri(access.getAccessLocation()).ifPresent(found::add);
        }
      }
    } catch (Exception e) {
      return List.of();
    }
    return found;
  }

  static List<URI> crlDistributionPoints(X509Certificate certificate) {
    List<URI> found = new ArrayList<>();
    try {
      byte[] value = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
      if (value == null) {
        return found;
      }
      for (DistributionPoint point : CRLDistPoint.getInstance(JcaX509ExtensionUtils.parseExtensionValue(value))
          .getDistributionPoints()) {
        DistributionPointName name = point.getDistributionPoint();
        // A CRL issued by someone else (cRLIssuer) is an indirect CRL: not supported, skipped.
        if (name == null || name.getType() != DistributionPointName.FULL_NAME || point.getCRLIssuer() != null) {
          continue;
        }
        for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
          httpUri(general).ifPresent(found::add);
        }
      }
    } catch (Exception e) {
      return List.of();
    }
    return found;
  }

  private static java.util.Optional<URI> httpUri(GeneralName name) {
    if (name.getTagNo() != GeneralName.uniformResourceIdentifier) {
      return java.util.Optional.empty();
    }
    try {
      URI uri = URI.create(ASN1IA5String.getInstance(name.getName()).getString());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
          ? java.util.Optional.of(uri) : java.util.Optional.empty();
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }
}
