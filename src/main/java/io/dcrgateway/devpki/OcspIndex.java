package io.dcrgateway.devpki;

import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The {@code openssl ca} database format {@code openssl ocsp -index} answers from: one line per
 * certificate, tab-separated: status ({@code V} valid, {@code R} revoked), expiry, revocation
 * time (and reason), serial in upper-case hex, file name ({@code unknown}), subject. A
 * certificate missing from the index gets the answer "unknown".
 */
public final class OcspIndex {

  private static final DateTimeFormatter UTC_TIME =
      DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private OcspIndex() {
  }

  /** @param crl whose entries mark certificates revoked (time and reason taken from it) */
  public static String of(List<X509Certificate> certificates, X509CRL crl) {
    StringBuilder index = new StringBuilder();
    for (X509Certificate certificate : certificates) {
      X509CRLEntry entry = crl.getRevokedCertificate(certificate.getSerialNumber());
      index.append(entry == null ? valid(certificate) : revoked(certificate, entry.getRevocationDate().toInstant(),
          entry.getRevocationReason() == null ? "unspecified" : reasonName(entry.getRevocationReason()))).append('\n');
    }
    return index.toString();
  }

  public static String valid(X509Certificate certificate) {
    return line("V", certificate, "");
  }

  /** @param reason openssl's spelling, e.g. {@code keyCompromise} */
  public static String revoked(X509Certificate certificate, Instant when, String reason) {
    return line("R", certificate, UTC_TIME.format(when) + "," + reason);
  }

  private static String line(String status, X509Certificate certificate, String revocation) {
    return String.join("\t", status, UTC_TIME.format(certificate.getNotAfter().toInstant()), revocation,
        serial(certificate.getSerialNumber()), "unknown", subject(certificate));
  }

  /** openssl looks serials up as BN_bn2hex prints them: upper case, whole bytes. */
  static String serial(BigInteger serial) {
    String hex = serial.toString(16).toUpperCase(Locale.ROOT);
    return hex.length() % 2 == 0 ? hex : "0" + hex;
  }

  /** openssl's one-line form, /C=BR/O=.../CN=...; informative only, lookups are by serial. */
  private static String subject(X509Certificate certificate) {
    String[] rdns = certificate.getSubjectX500Principal().getName().split("(?<!\\\\),");
    StringBuilder oneLine = new StringBuilder();
    for (int i = rdns.length - 1; i >= 0; i--) {
      oneLine.append('/').append(rdns[i]);
    }
    return oneLine.toString();
  }

  private static String reasonName(java.security.cert.CRLReason reason) {
    return switch (reason) {
      case KEY_COMPROMISE -> "keyCompromise";
      case CA_COMPROMISE -> "CACompromise";
      case AFFILIATION_CHANGED -> "affiliationChanged";
      case SUPERSEDED -> "superseded";
      case CESSATION_OF_OPERATION -> "cessationOfOperation";
      case CERTIFICATE_HOLD -> "certificateHold";
      case REMOVE_FROM_CRL -> "removeFromCRL";
      case PRIVILEGE_WITHDRAWN -> "privilegeWithdrawn";
      case AA_COMPROMISE -> "AACompromise";
      default -> "unspecified";
    };
  }
}
