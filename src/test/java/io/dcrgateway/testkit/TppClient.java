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
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;

/**
 * A real TLS client, as a TPP (or an attacker) runs it: presents a dev-pki certificate, or none.
 * It presents its certificate whatever authorities the server lists in its CertificateRequest,
 * as curl or openssl do: a JDK client would otherwise silently send nothing for the forged and
 * untrusted certificates, and the test would not exercise the gateway's verification.
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
    try (InputStream in = Files.newInputStream(pki.client(name).pkcs12())) {
      char[] password = DevPkiOptions.DEFAULT_PKCS12_PASSWORD.toCharArray();
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(store, password);
      X509KeyManager keys = (X509KeyManager) factory.getKeyManagers()[0];
      String alias = store.aliases().nextElement();
      return new SingleIdentity(keys, alias);
    } catch (Exception e) {
      throw new IllegalStateException("cannot load the " + name + " client identity", e);
    }
  }

  /** One identity, offered whatever the server asks for. */
  private static final class SingleIdentity extends X509ExtendedKeyManager {
    private final X509KeyManager keys;
    private final String alias;

    SingleIdentity(X509KeyManager keys, String alias) {
      this.keys = keys;
      this.alias = alias;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return new String[] {alias};
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
      return alias;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
      return alias;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String requested) {
      return keys.getCertificateChain(requested);
    }

    @Override
    public PrivateKey getPrivateKey(String requested) {
      return keys.getPrivateKey(requested);
    }
  }
}
