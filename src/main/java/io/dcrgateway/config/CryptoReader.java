package io.dcrgateway.config;

import java.util.List;

/** {@code crypto:}, which library does the gateway's public-key operations. */
final class CryptoReader {

  private CryptoReader() {
  }

  static CryptoConfig read(Section crypto) {
    crypto.keys("provider");
    return new CryptoConfig(crypto.scalar("provider")
        .flatMap(value -> value.asOneOf(List.of(CryptoConfig.Provider.values()), CryptoConfig.Provider::spelling))
        .orElse(CryptoConfig.DEFAULT.provider()));
  }
}
