package io.dcrgateway.devpki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;

/** A PKCS#12 keystore holding one key entry: the key with its certificate chain, leaf first. */
public final class Pkcs12 {

  private Pkcs12() {
  }

  public static KeyStore keyStore(String alias, PrivateKey key, List<X509Certificate> chain, char[] password) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(alias, key, password, chain.toArray(Certificate[]::new));
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build a PKCS#12 store for " + alias, e);
    }
  }

  /** The key with {@link IssuedCertificate#chain()}: leaf and every issuer above it. */
  public static KeyStore keyStore(String alias, IssuedCertificate issued, char[] password) {
    return keyStore(alias, issued.privateKey(), issued.chain(), password);
  }

  public static byte[] encode(KeyStore store, char[] password) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      store.store(bytes, password);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encode a PKCS#12 store", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
