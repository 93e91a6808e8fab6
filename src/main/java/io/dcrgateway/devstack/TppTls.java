package io.dcrgateway.devstack;

import io.dcrgateway.devpki.DevPkiManifest;
import io.dcrgateway.tls.PemCertificates;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS side of a dev TPP: its PKCS#12 identity (certificate, issuing CA, key) and trust in the
 * dev server CA only, so the demo proves the gateway's certificate as much as the TPP's.
 */
final class TppTls {

  private TppTls() {
  }

  static SSLContext context(DevPkiManifest manifest, String clientName) throws DevStackException {
    try {
      char[] password = manifest.pkcs12Password().toCharArray();
      KeyStore identity = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(manifest.client(clientName).files().pkcs12())) {
        identity.load(in, password);
      }
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(identity, password);

      KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
      anchors.load(null, null);
      int i = 0;
      for (X509Certificate ca : PemCertificates.read(manifest.trust().serverCa())) {
        anchors.setCertificateEntry("server-ca-" + i++, ca);
      }
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(anchors);

      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new DevStackException("cannot load the TLS identity of " + clientName + " from the dev PKI in "
          + manifest.root() + ": " + e.getMessage(), e);
    }
  }
}
