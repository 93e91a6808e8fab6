package io.dcrgateway.metrics;

import io.dcrgateway.tls.TrustDomainMaterial;
import io.dcrgateway.tls.TrustMaterial;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Seconds until each trust anchor, intermediate and the server certificate expires (negative once
 * expired): an anchor that lapses silently turns every TPP of its ecosystem away with 401.
 * Labelled by kind, trust domain and the certificate's CN, which for a CA is a handful of names.
 */
final class CertificateExpiry {

  static final String NAME = "dcr_gateway_certificate_expiry_seconds";
  static final String SERVER_DOMAIN = "listener";

  private final MultiGauge gauge;
  private final Clock clock;

  CertificateExpiry(MeterRegistry registry, Clock clock) {
    this.clock = clock;
    this.gauge = MultiGauge.builder(NAME)
        .description("seconds until the certificate's notAfter; negative once expired")
        .register(registry);
  }

  /** Replaces every row: certificates no longer loaded (after a reload) disappear. */
  void publish(TrustMaterial trust, Optional<X509Certificate> server) {
    // Two CAs sharing kind, domain and CN would collide on labels: the one expiring first is
    // the one an operator must act on.
    Map<Tags, X509Certificate> soonest = new LinkedHashMap<>();
    for (TrustDomainMaterial domain : trust.domains()) {
      domain.anchorCertificates().forEach(c -> keepSoonest(soonest, "anchor", domain.name(), c));
      domain.intermediates().forEach(c -> keepSoonest(soonest, "intermediate", domain.name(), c));
    }
    server.ifPresent(c -> keepSoonest(soonest, "server", SERVER_DOMAIN, c));
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    soonest.forEach((tags, certificate) -> rows.add(MultiGauge.Row.of(tags, certificate, this::secondsLeft)));
    gauge.register(rows, true);
  }

  private double secondsLeft(X509Certificate certificate) {
    return certificate.getNotAfter().toInstant().getEpochSecond() - clock.instant().getEpochSecond();
  }

  private static void keepSoonest(Map<Tags, X509Certificate> soonest, String kind, String domain,
      X509Certificate certificate) {
    Tags tags = Tags.of("kind", kind, "domain", domain, "subject_cn", commonName(certificate));
    soonest.merge(tags, certificate, (a, b) -> a.getNotAfter().before(b.getNotAfter()) ? a : b);
  }

  static String commonName(X509Certificate certificate) {
    try {
      List<Rdn> rdns = new LdapName(certificate.getSubjectX500Principal().getName()).getRdns();
      for (int i = rdns.size() - 1; i >= 0; i--) {
        if ("CN".equalsIgnoreCase(rdns.get(i).getType())) {
          return String.valueOf(rdns.get(i).getValue());
        }
      }
    } catch (InvalidNameException e) {
      // fall through: an unparsable name still gets a gauge
    }
    return "";
  }
}
