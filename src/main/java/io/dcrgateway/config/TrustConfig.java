package io.dcrgateway.config;

import java.nio.file.Path;
import java.util.List;

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
   */
  public record TrustDomain(String name, List<Path> anchors, List<Path> intermediates) {
    public TrustDomain {
      anchors = List.copyOf(anchors);
      intermediates = List.copyOf(intermediates);
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
