package io.dcrgateway.tls;

import io.netty.handler.ssl.OpenSslCachingX509KeyManagerFactory;
import io.vertx.core.Vertx;
import io.vertx.core.net.PemKeyCertOptions;
import javax.net.ssl.KeyManagerFactory;

/**
 * The listener's PEM key and certificate, handed to BoringSSL once per TLS context instead of once
 * per handshake. Vert.x gives netty a plain KeyManagerFactory, for which netty's OpenSSL engine
 * re-encodes the private key and chain as PEM and has BoringSSL parse them on every handshake;
 * wrapped in netty's caching factory, the parsed material is kept per alias. A reload builds a
 * new context, so new material.
 */
final class CachedKeyMaterialOptions extends PemKeyCertOptions {

  CachedKeyMaterialOptions() {
  }

  private CachedKeyMaterialOptions(CachedKeyMaterialOptions other) {
    super(other);
  }

  @Override
  public KeyManagerFactory getKeyManagerFactory(Vertx vertx) throws Exception {
    return new OpenSslCachingX509KeyManagerFactory(super.getKeyManagerFactory(vertx));
  }

  @Override
  public CachedKeyMaterialOptions copy() {
    return new CachedKeyMaterialOptions(this);
  }
}
