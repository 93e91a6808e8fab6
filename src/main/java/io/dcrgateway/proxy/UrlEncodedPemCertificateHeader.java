package io.dcrgateway.proxy;

import io.dcrgateway.tls.VerifiedClient;
import io.vertx.core.MultiMap;
import java.util.List;

/**
 * URL-encoded PEM under a configurable name: the nginx {@code $ssl_client_escaped_cert}
 * convention that Keycloak's nginx lookup and proxy-terminated setups such as Curity read.
 * With the chain enabled, the chain goes to {@code <header>-chain} as concatenated PEM.
 */
final class UrlEncodedPemCertificateHeader implements CertificateHeaderWriter {

  private final String header;
  private final String chainHeader;
  private final boolean includeChain;

  UrlEncodedPemCertificateHeader(String header, boolean includeChain) {
    this.header = header;
    this.chainHeader = header + "-chain";
    this.includeChain = includeChain;
  }

  @Override
  public void write(VerifiedClient client, MultiMap headers) {
    headers.set(header, PemEncoding.urlEncoded(PemEncoding.pem(client.certificate())));
    if (includeChain && !client.chain().isEmpty()) {
      StringBuilder chain = new StringBuilder();
      client.chain().forEach(c -> chain.append(PemEncoding.pem(c)));
      headers.set(chainHeader, PemEncoding.urlEncoded(chain.toString()));
    }
  }

  @Override
  public List<String> headerNames() {
    return List.of(header, chainHeader);
  }
}
