package io.dcrgateway.config;

import java.util.List;

/**
 * {@code fetch:}, the gateway's rule for URLs it is told to fetch by a request or a certificate
 * (a UK software statement's {@code software_jwks_endpoint}, a client certificate's OCSP
 * responder and CRL distribution points). Such a URL is fetched only over https and only from
 * public addresses, unless an entry here allows it: the gateway must not become a way into the
 * bank's own network (SSRF). URLs written in this config (directory {@code jwks-url}, OCSP
 * {@code responder-url}) are the operator's and are not subject to it.
 *
 * @param allowList hosts and address ranges that may be fetched although private, and over http
 */
public record FetchConfig(List<AllowedTarget> allowList) {

  public static final FetchConfig DEFAULT = new FetchConfig(List.of());

  public FetchConfig {
    allowList = List.copyOf(allowList);
  }

  /** One allow-list entry. */
  public sealed interface AllowedTarget permits HostPattern, AddressRange {
  }

  /**
   * A host name, exact ({@code jwks.internal.example}) or with a leading wildcard label
   * ({@code *.internal.example}, which matches names below it, not the name itself).
   * Lower case.
   */
  public record HostPattern(String pattern) implements AllowedTarget {
  }

  /** Addresses in {@code network/prefixLength} (an IP literal alone is a /32 or /128). */
  public record AddressRange(byte[] network, int prefixLength, String text) implements AllowedTarget {

    public AddressRange {
      network = network.clone();
    }

    @Override
    public byte[] network() {
      return network.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof AddressRange r && r.text.equals(text);
    }

    @Override
    public int hashCode() {
      return text.hashCode();
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
