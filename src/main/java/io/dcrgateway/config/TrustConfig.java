package io.dcrgateway.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Which certificate authorities may vouch for a TPP. A domain is one ecosystem's PKI
 * (e.g. ICP-Brasil, the OFB sandbox directory CA, OBIE); later stages learn which domain
 * verified a client and pick that ecosystem's profile.
 */
public record TrustConfig(List<TrustDomain> domains, KeyMinimums keyMinimums) {

  public TrustConfig {
    domains = List.copyOf(domains);
  }

  /**
   * @param name unique among domains, {@code [a-z0-9-]+}: it appears in audit records and
   *     metric labels
   * @param anchors PEM files of trusted root (or pinned intermediate) certificates; at least one
   * @param intermediates PEM files of intermediates TPPs may leave out of their handshake
   * @param revocation how this ecosystem's client certificates are checked for revocation
   */
  public record TrustDomain(String name, List<Path> anchors, List<Path> intermediates, Revocation revocation) {
    public TrustDomain {
      anchors = List.copyOf(anchors);
      intermediates = List.copyOf(intermediates);
    }

    /** Without revocation checking: the behaviour before revocation existed. */
    public TrustDomain(String name, List<Path> anchors, List<Path> intermediates) {
      this(name, anchors, intermediates, Revocation.OFF);
    }
  }

  /**
   * {@code trust.domains[].revocation}. OCSP is asked first (one fresh signed answer about one
   * certificate); CRLs decide when OCSP has no usable answer.
   */
  public record Revocation(Mode mode, Ocsp ocsp, Crl crl) {

    public static final Revocation OFF = new Revocation(Mode.OFF, Ocsp.DEFAULT, Crl.DEFAULT);

    /**
     * What happens when neither OCSP nor a CRL gives a usable answer: {@code SOFT_FAIL} lets the
     * client through (counted and logged), {@code HARD_FAIL} refuses it. A revoked certificate is
     * refused in both.
     */
    public enum Mode {
      OFF("off"), SOFT_FAIL("soft-fail"), HARD_FAIL("hard-fail");

      private final String spelling;

      Mode(String spelling) {
        this.spelling = spelling;
      }

      public String spelling() {
        return spelling;
      }
    }

    /**
     * @param responderUrl overrides the certificate's AIA OCSP URL
     * @param maxAge how old (by thisUpdate) an answer may be, whatever its nextUpdate says
     */
    public record Ocsp(boolean enabled, Optional<URI> responderUrl, Duration timeout, Duration maxAge) {
      public static final Ocsp DEFAULT = new Ocsp(true, Optional.empty(), Duration.ofSeconds(3), Duration.ofHours(24));
    }

    /**
     * @param files CRL files (PEM or DER), re-read before their nextUpdate
     * @param fetchDistributionPoints also fetch the http(s) CRL distribution points the certificate names
     */
    public record Crl(boolean enabled, List<Path> files, boolean fetchDistributionPoints, Duration timeout) {
      public static final Crl DEFAULT = new Crl(true, List.of(), true, Duration.ofSeconds(5));

      public Crl {
        files = List.copyOf(files);
      }
    }
  }

  /** Minimum public key sizes for every certificate in a client path, leaf included. */
  public record KeyMinimums(int rsaBits, int ecBits) {
    /**
     * FAPI 1 Advanced 8.6 asks for RSA keys of at least 2048 bits; EC at 256 because ES256
     * (P-256) is the only EC algorithm FAPI permits, so smaller curves have no business here.
     */
    public static final KeyMinimums DEFAULT = new KeyMinimums(2048, 256);
  }
}
