package io.dcrgateway.hostile;

import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.devpki.IssuedCertificate;
import io.dcrgateway.devpki.Pem;
import io.dcrgateway.testkit.PresentedKeyManager;
import io.dcrgateway.testkit.SharedDevPki;
import io.dcrgateway.tls.PemCertificates;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Files;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A client identity an attacker mints: any certificate chain, presented whatever authorities the
 * server asks for (as curl does), with the key of its first certificate, so the handshake proves
 * possession and only the gateway's verification stands between it and the identity server.
 */
final class PresentedIdentity {

  private final PresentedKeyManager keys;

  PresentedIdentity(List<X509Certificate> chain, PrivateKey key) {
    this.keys = PresentedKeyManager.of(chain, key);
  }

  static PresentedIdentity of(IssuedCertificate leaf) {
    return new PresentedIdentity(leaf.chain(), leaf.privateKey());
  }

  /** A one-connection WebClient presenting this identity, trusting the dev server CA. */
  WebClient client(Vertx vertx) {
    WebClientOptions options = new WebClientOptions()
        .setSsl(true)
        .setVerifyHost(true)
        .setProtocolVersion(HttpVersion.HTTP_1_1)
        .setTrustOptions(new PemTrustOptions().addCertPath(SharedDevPki.layout().serverCa().certificate().toString()))
        .setKeyCertOptions(KeyCertOptions.wrap(keys));
    return WebClient.create(vertx, options, new PoolOptions().setHttp1MaxSize(1));
  }

  /** A dev PKI authority with its private key, to issue what the attacks need. */
  static IssuedCertificate authority(DevPkiLayout.CaFiles files) throws Exception {
    X509Certificate certificate = PemCertificates.read(files.certificate()).get(0);
    return new IssuedCertificate(certificate, Pem.readPrivateKey(Files.readString(files.privateKey())), List.of());
  }
}
