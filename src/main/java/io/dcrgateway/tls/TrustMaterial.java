package io.dcrgateway.tls;

import io.dcrgateway.config.ConfigProblem;
import io.dcrgateway.config.SetupException;
import io.dcrgateway.config.TrustConfig;
import java.nio.file.Path;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * All trust domains, parsed. Immutable: a reload builds a new instance, and verification results
 * cached on a TLS session are only reused while they were made with the same instance.
 */
public record TrustMaterial(List<TrustDomainMaterial> domains, TrustConfig.KeyMinimums keyMinimums) {

  public TrustMaterial {
    domains = List.copyOf(domains);
  }

  /** Reads every anchor and intermediate file; reports all unusable files at once. */
  public static TrustMaterial load(TrustConfig config) throws SetupException {
    List<ConfigProblem> problems = new ArrayList<>();
    List<TrustDomainMaterial> domains = new ArrayList<>();
    for (int d = 0; d < config.domains().size(); d++) {
      TrustConfig.TrustDomain domain = config.domains().get(d);
      String key = "trust.domains[" + d + "]";
      Set<TrustAnchor> anchors = new LinkedHashSet<>();
      for (X509Certificate ca : readAll(domain.anchors(), key + ".anchors", problems)) {
        anchors.add(new TrustAnchor(ca, null));
      }
      List<X509Certificate> intermediates =
          readAll(domain.intermediates(), key + ".intermediates", problems);
      domains.add(new TrustDomainMaterial(domain.name(), anchors, intermediates));
    }
    if (!problems.isEmpty()) {
      throw new SetupException(problems);
    }
    return new TrustMaterial(domains, config.keyMinimums());
  }

  private static List<X509Certificate> readAll(List<Path> files, String key, List<ConfigProblem> problems) {
    List<X509Certificate> all = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      String itemKey = key + "[" + i + "]";
      try {
        for (X509Certificate c : PemCertificates.read(files.get(i))) {
          // A CA that cannot sign certificates can never be a path element: a config mistake.
          if (c.getBasicConstraints() < 0) {
            problems.add(new ConfigProblem(itemKey, c.getSubjectX500Principal().getName()
                + " in " + files.get(i) + " is not a CA certificate (basicConstraints cA=false)"));
          } else {
            all.add(c);
          }
        }
      } catch (Exception e) {
        problems.add(new ConfigProblem(itemKey,
            "cannot read certificates from " + files.get(i) + ": " + e.getMessage()));
      }
    }
    return all;
  }

  /** Subjects of every anchor, sent in the TLS CertificateRequest so clients pick a fitting cert. */
  public X509Certificate[] acceptedIssuers() {
    return domains.stream()
        .flatMap(d -> d.anchorCertificates().stream())
        .toArray(X509Certificate[]::new);
  }
}
