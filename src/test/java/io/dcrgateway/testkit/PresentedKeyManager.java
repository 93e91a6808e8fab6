package io.dcrgateway.testkit;

import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * One client identity (a chain and the key of its first certificate), presented whatever
 * authorities the server lists in its CertificateRequest, as curl or openssl do: a JDK key
 * manager would otherwise silently send nothing for forged and untrusted certificates, and a test
 * (or the benchmark) would not exercise the gateway's verification.
 */
public final class PresentedKeyManager extends X509ExtendedKeyManager {

  private static final String ALIAS = "presented";

  private final X509Certificate[] chain;
  private final PrivateKey key;

  private PresentedKeyManager(X509Certificate[] chain, PrivateKey key) {
    this.chain = chain;
    this.key = key;
  }

  /** Any chain, e.g. one an attacker minted. */
  public static PresentedKeyManager of(List<X509Certificate> chain, PrivateKey key) {
    return new PresentedKeyManager(chain.toArray(X509Certificate[]::new), key);
  }

  /** The first entry of a PKCS#12 file (dev-pki writes one per client). */
  public static PresentedKeyManager load(Path pkcs12, char[] password) {
    try (InputStream in = Files.newInputStream(pkcs12)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      String alias = store.aliases().nextElement();
      Certificate[] certificates = store.getCertificateChain(alias);
      return new PresentedKeyManager(Arrays.copyOf(certificates, certificates.length, X509Certificate[].class),
          (PrivateKey) store.getKey(alias, password));
    } catch (Exception e) {
      throw new IllegalStateException("cannot load the client identity in " + pkcs12, e);
    }
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return new String[] {ALIAS};
  }

  @Override
  public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
    return ALIAS;
  }

  @Override
  public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
    return ALIAS;
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
    return chain.clone();
  }

  @Override
  public PrivateKey getPrivateKey(String requested) {
    return key;
  }
}
