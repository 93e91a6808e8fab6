package io.dcrgateway.config;

import java.util.Locale;

/**
 * {@code crypto:}, which library does the gateway's own public-key operations: the server's TLS
 * handshake signature (RSA keys) and the software statement and request signature checks.
 *
 * @param provider {@code auto} (AWS-LC where it loads on this machine, else the built-in code),
 *     {@code aws-lc} (AWS-LC, or the gateway does not start), {@code built-in} (BoringSSL for TLS,
 *     the JDK for JWTs)
 */
public record CryptoConfig(Provider provider) {

  public static final CryptoConfig DEFAULT = new CryptoConfig(Provider.AUTO);

  /** The choices of {@code crypto.provider}. */
  public enum Provider {
    AUTO, AWS_LC, BUILT_IN;

    /** As written in the config file. */
    public String spelling() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }
}
