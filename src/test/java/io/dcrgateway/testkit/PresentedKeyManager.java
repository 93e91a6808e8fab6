package io.dcrgateway.testkit;

import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;

/**
 * One client identity (a dev-pki PKCS#12: leaf, issuer, key), presented whatever authorities the
 * server lists in its CertificateRequest, as curl or openssl do: a JDK key manager would otherwise
 * silently send nothing for the forged and untrusted certificates, and a test (or the benchmark)
 * would not exercise the gateway's verification.
 */
public final class PresentedKeyManager extends X509ExtendedKeyManager {

  private final X509KeyManager keys;
  private final String alias;

  private PresentedKeyManager(X509KeyManager keys, String alias) {
    this.keys = keys;
    this.alias = alias;
  }

  public static PresentedKeyManager load(Path pkcs12, char[] password) {
    try (InputStream in = Files.newInputStream(pkcs12)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(store, password);
      return new PresentedKeyManager((X509KeyManager) factory.getKeyManagers()[0], store.aliases().nextElement());
    } catch (Exception e) {
      throw new IllegalStateException("cannot load the client identity in " + pkcs12, e);
    }
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
