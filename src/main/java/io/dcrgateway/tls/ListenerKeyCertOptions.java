package io.dcrgateway.tls;

import io.netty.handler.ssl.OpenSslCachingX509KeyManagerFactory;
import io.vertx.core.Vertx;
import io.vertx.core.net.PemKeyCertOptions;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Function;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEParameterSpec;
import javax.net.ssl.KeyManagerFactory;

/**
 * The listener's PEM key and certificate chain as the key manager factory a TLS context is built
 * from; equal (and so shared between contexts) like Vert.x's own options, by file paths.
 *
 * <p>Vert.x puts the key into a PKCS#12 key store under a password, which the JDK protects with
 * 10,000 PBKDF2 iterations to store it and 10,000 more to read it back: about 150 ms of a 2 s
 * start, cold, on the path to the first bound port. This store never leaves memory, so its key is
 * protected with one iteration: there is no file for anyone to attack.
 *
 * <p>With the OpenSSL engine the factory is netty's caching one: the key and chain are handed to
 * BoringSSL once per context instead of re-encoded as PEM and parsed on every handshake.
 */
final class ListenerKeyCertOptions extends PemKeyCertOptions {

  private static final String ALIAS = "listener";
  /** A PBES2 scheme every JDK 17+ has; its strength is moot for a store that is never written. */
  private static final String IN_MEMORY_PROTECTION = "PBEWithHmacSHA256AndAES_256";

  private final boolean openSsl;

  /** @param openSsl whether the context is BoringSSL's (netty-tcnative) rather than the JDK's */
  ListenerKeyCertOptions(boolean openSsl) {
    this.openSsl = openSsl;
  }

  private ListenerKeyCertOptions(ListenerKeyCertOptions other) {
    super(other);
    this.openSsl = other.openSsl;
  }

  @Override
  public KeyManagerFactory getKeyManagerFactory(Vertx vertx) throws Exception {
    // ServerTls sets exactly one key path and one certificate path (listener.tls.key, .certificate).
    KeyManagerFactory factory = keyManagerFactory(Path.of(getKeyPath()), Path.of(getCertPath()));
    return openSsl ? new OpenSslCachingX509KeyManagerFactory(factory) : factory;
  }

  /**
   * Vert.x asks every key source for its per-server-name factories, SNI on or off, and Vert.x's
   * own builds its key store once more for them. The listener has one certificate and SNI is not
   * enabled: no server name selects another key.
   */
  @Override
  public Function<String, KeyManagerFactory> keyManagerFactoryMapper(Vertx vertx) throws Exception {
    return serverName -> null;
  }

  static KeyManagerFactory keyManagerFactory(Path keyFile, Path certificateFile) throws Exception {
    PrivateKey key = ServerIdentity.readKey(keyFile);
    List<X509Certificate> chain = PemCertificates.read(certificateFile);
    char[] password = ALIAS.toCharArray();
    SecureRandom random = new SecureRandom();
    byte[] salt = new byte[16];
    byte[] iv = new byte[16];
    random.nextBytes(salt);
    random.nextBytes(iv);
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setEntry(ALIAS, new KeyStore.PrivateKeyEntry(key, chain.toArray(X509Certificate[]::new)),
        new KeyStore.PasswordProtection(password, IN_MEMORY_PROTECTION,
            new PBEParameterSpec(salt, 1, new IvParameterSpec(iv))));
    KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, password);
    return factory;
  }

  @Override
  public ListenerKeyCertOptions copy() {
    return new ListenerKeyCertOptions(this);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ListenerKeyCertOptions o && o.openSsl == openSsl && super.equals(other);
  }

  @Override
  public int hashCode() {
    return 31 * super.hashCode() + Boolean.hashCode(openSsl);
  }
}
