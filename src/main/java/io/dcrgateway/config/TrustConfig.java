package io.dcrgateway.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Which certificate authorities may vouch for a TPP. A domain is one ecosystem's PKI
 * (e.g. ICP-Brasil, the OFB sandbox directory CA, OBIE); later stages learn which domain
 * verified a client and pick that ecosystem's profile.
 */
public record TrustConfig(List<TrustDomain> domains, KeyMinimums keyMinimums) {

  public record TrustDomain(String name, List<Path> anchors, List<Path> intermediates) {
  }

  /** Minimum public key sizes for every certificate in a client path, leaf included. */
  public record KeyMinimums(int rsaBits, int ecBits) {
  }
}
