package io.dcrgateway.tls;

import io.netty.handler.ssl.OpenSslPrivateKeyMethod;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509KeyManager;

/**
 * The server's RSA handshake signature (TLS 1.3 CertificateVerify, TLS 1.2 ServerKeyExchange)
 * made by another JCA provider instead of BoringSSL: BoringSSL asks through its private key
 * method, hands over the bytes to sign and the TLS signature scheme, and sends what comes back.
 * With AWS-LC that is 250 us instead of 600 us per full handshake on x86-64 with AVX-512 IFMA,
 * about a third of a new-connection registration. EC keys stay with BoringSSL (it signs P-256
 * in about 20 us).
 */
final class ServerKeySigner implements OpenSslPrivateKeyMethod {

  /** Handshake signatures made here, process-wide: what tests check to see that this path ran. */
  static final LongAdder SIGNED = new LongAdder();

  private final Provider provider;
  private final PrivateKey key;

  private ServerKeySigner(Provider provider, PrivateKey key) {
    this.provider = provider;
    this.key = key;
  }

  /**
   * For a server context holding one RSA key: the key re-created inside {@code provider}, so that
   * no handshake pays for converting it.
   */
  static Optional<ServerKeySigner> of(Provider provider, KeyManagerFactory keyManagers) throws Exception {
    PrivateKey rsa = null;
    for (KeyManager manager : keyManagers.getKeyManagers()) {
      if (!(manager instanceof X509KeyManager x509)) {
        continue;
      }
      String[] aliases = x509.getServerAliases("RSA", null);
      if (aliases == null || aliases.length != 1 || rsa != null) {
        return Optional.empty(); // no RSA key, or several to choose among: BoringSSL chooses
      }
      rsa = x509.getPrivateKey(aliases[0]);
    }
    if (!(rsa instanceof RSAPrivateKey)) {
      return Optional.empty();
    }
    PrivateKey converted = KeyFactory.getInstance("RSA", provider)
        .generatePrivate(new PKCS8EncodedKeySpec(rsa.getEncoded()));
    return Optional.of(new ServerKeySigner(provider, converted));
  }

  @Override
  public byte[] sign(SSLEngine engine, int scheme, byte[] input) throws Exception {
    Signature signature = signatureFor(scheme);
    signature.initSign(key);
    signature.update(input);
    byte[] signed = signature.sign();
    SIGNED.increment();
    return signed;
  }

  // Netty reads the scheme numbers from the native library: not constants, so no switch.
  private Signature signatureFor(int scheme) throws Exception {
    if (scheme == SSL_SIGN_RSA_PSS_RSAE_SHA256) {
      return pss("SHA-256", MGF1ParameterSpec.SHA256, 32);
    } else if (scheme == SSL_SIGN_RSA_PSS_RSAE_SHA384) {
      return pss("SHA-384", MGF1ParameterSpec.SHA384, 48);
    } else if (scheme == SSL_SIGN_RSA_PSS_RSAE_SHA512) {
      return pss("SHA-512", MGF1ParameterSpec.SHA512, 64);
    } else if (scheme == SSL_SIGN_RSA_PKCS1_SHA256) {
      return Signature.getInstance("SHA256withRSA", provider);
    } else if (scheme == SSL_SIGN_RSA_PKCS1_SHA384) {
      return Signature.getInstance("SHA384withRSA", provider);
    } else if (scheme == SSL_SIGN_RSA_PKCS1_SHA512) {
      return Signature.getInstance("SHA512withRSA", provider);
    } else if (scheme == SSL_SIGN_RSA_PKCS1_SHA1) {
      return Signature.getInstance("SHA1withRSA", provider);
    }
    // MD5-SHA1 is TLS 1.0/1.1 only, which the listener never enables; ECDSA and Ed25519 need an EC key.
    throw new IllegalArgumentException("no RSA signature for TLS signature scheme 0x" + Integer.toHexString(scheme));
  }

  /** RFC 8446 §4.2.3: rsa_pss_rsae_* use MGF1 with the same hash and a salt as long as the hash. */
  private Signature pss(String hash, MGF1ParameterSpec mgf, int saltLength) throws Exception {
    Signature signature = Signature.getInstance("RSASSA-PSS", provider);
    signature.setParameter(new PSSParameterSpec(hash, "MGF1", mgf, saltLength, 1));
    return signature;
  }

  /**
   * Only a TLS 1.2 static RSA key exchange asks for this, and the listener refuses those suites at
   * config load (FAPI: ECDHE only): a handshake that got here anyway fails rather than decrypt.
   */
  @Override
  public byte[] decrypt(SSLEngine engine, byte[] input) {
    throw new UnsupportedOperationException("static RSA key exchange is not enabled on this listener");
  }
}
