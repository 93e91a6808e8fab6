package io.dcrgateway.testkit;

import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.devpki.DevPkiOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.Optional;
import javax.net.ssl.X509KeyManager;

/**
 * A real TLS client, as a TPP (or an attacker) runs it: presents a dev-pki certificate, or none,
 * whatever authorities the server lists ({@link PresentedKeyManager}).
 */
public final class TppClient {

  private TppClient() {
  }

  /** @param clientName a {@link DevPkiLayout} client name, or empty for no certificate at all */
  public static WebClient create(Vertx vertx, Optional<String> clientName, boolean keepAlive) {
    DevPkiLayout pki = SharedDevPki.layout();
    WebClientOptions options = new WebClientOptions()
        .setSsl(true)
        .setVerifyHost(true)
        .setKeepAlive(keepAlive)
        .setProtocolVersion(HttpVersion.HTTP_1_1)
        .setTrustOptions(new PemTrustOptions().addCertPath(pki.serverCa().certificate().toString()));
    clientName.ifPresent(name -> options.setKeyCertOptions(KeyCertOptions.wrap(alwaysPresent(pki, name))));
    // One connection: keep-alive requests then share one TLS session deterministically, instead
    // of racing the pool's recycling of the previous connection.
    return WebClient.create(vertx, options, new PoolOptions().setHttp1MaxSize(1));
  }

  public static WebClient create(Vertx vertx, String clientName) {
    return create(vertx, Optional.of(clientName), true);
  }

  private static X509KeyManager alwaysPresent(DevPkiLayout pki, String name) {
    return PresentedKeyManager.load(pki.client(name).pkcs12(), DevPkiOptions.DEFAULT_PKCS12_PASSWORD.toCharArray());
  }
}
