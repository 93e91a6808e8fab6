package io.dcrgateway.tls;

import java.net.Socket;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.KeyManagerFactorySpi;
import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;

/**
 * The server's certificate chain without its private key, for BoringSSL contexts whose key
 * operations go through a private key method ({@link ServerKeySigner}): Netty hands BoringSSL
 * whatever key the key manager returns, and a key given to BoringSSL is used in place of the method.
 */
final class KeyManagersWithoutKey extends KeyManagerFactory {

  KeyManagersWithoutKey(KeyManagerFactory keyManagers) {
    super(new Spi(keyManagers), keyManagers.getProvider(), keyManagers.getAlgorithm());
  }

  private static final class Spi extends KeyManagerFactorySpi {
    private final KeyManagerFactory keyManagers;

    Spi(KeyManagerFactory keyManagers) {
      this.keyManagers = keyManagers;
    }

    @Override
    protected void engineInit(KeyStore store, char[] password) {
      throw new UnsupportedOperationException("initialised already");
    }

    @Override
    protected void engineInit(ManagerFactoryParameters parameters) {
      throw new UnsupportedOperationException("initialised already");
    }

    @Override
    protected KeyManager[] engineGetKeyManagers() {
      KeyManager[] managers = keyManagers.getKeyManagers().clone();
      for (int i = 0; i < managers.length; i++) {
        if (managers[i] instanceof X509KeyManager x509) {
          managers[i] = new ChainOnly(x509);
        }
      }
      return managers;
    }
  }

  private static final class ChainOnly extends X509ExtendedKeyManager {
    private final X509KeyManager delegate;

    ChainOnly(X509KeyManager delegate) {
      this.delegate = delegate;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return delegate.getCertificateChain(alias);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return delegate.getServerAliases(keyType, issuers);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return delegate.chooseServerAlias(keyType, issuers, socket);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
      return delegate instanceof X509ExtendedKeyManager extended
          ? extended.chooseEngineServerAlias(keyType, issuers, engine)
          : delegate.chooseServerAlias(keyType, issuers, null);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return delegate.getClientAliases(keyType, issuers);
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
      return delegate.chooseClientAlias(keyTypes, issuers, socket);
    }
  }
}
