package io.dcrgateway.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Lets any client certificate complete the handshake so that the HTTP layer can answer an
 * untrusted one with a readable 401 JSON error instead of a bare TLS alert. The handshake still
 * proves the client holds the certificate's private key (CertificateVerify); trust is decided,
 * once per session, by {@link ClientCertificateVerifier}. Only for the server side.
 */
final class DeferredClientTrustManager extends X509ExtendedTrustManager {

  private final X509Certificate[] acceptedIssuers;

  DeferredClientTrustManager(X509Certificate[] acceptedIssuers) {
    this.acceptedIssuers = acceptedIssuers.clone();
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    requireChain(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    requireChain(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    requireChain(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw new CertificateException("server certificates are never trusted by this trust manager");
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  /** Sent in the CertificateRequest (certificate_authorities) so clients pick a fitting certificate. */
  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return acceptedIssuers.clone();
  }

  private static void requireChain(X509Certificate[] chain) throws CertificateException {
    if (chain == null || chain.length == 0) {
      throw new CertificateException("empty client certificate chain");
    }
  }
}
