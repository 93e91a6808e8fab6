package io.dcrgateway.bench.jmh;

import io.dcrgateway.tls.CertificateVerification;
import io.dcrgateway.tls.ClientCertificateVerifier;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Stage tls on a new connection. First sight of a chain: PKIX path building and validation of the
 * TPP's two-certificate chain to the dev trust anchor, with the leaf and key-size checks (two
 * RSA-2048 verifies are the floor). A chain seen before: the verdict kept per chain
 * (tls/VerifiedChains), which is what every later connection and resumed session of that TPP costs.
 */
@State(Scope.Benchmark)
public class ClientCertificateBenchmark {

  private ClientCertificateVerifier verifier;
  private List<X509Certificate> presented;
  private List<byte[]> presentedDer;
  private CertificateFactory x509;

  @Setup
  public void setUp() throws Exception {
    HotPath hotPath = HotPath.get();
    verifier = new ClientCertificateVerifier(hotPath.trust, hotPath.clock);
    presented = hotPath.presentedChain;
    presentedDer = new ArrayList<>();
    for (X509Certificate certificate : presented) {
      presentedDer.add(certificate.getEncoded());
    }
    // BouncyCastle's factory, not the JDK's: that one hands back the X509CertImpl it cached for
    // the same bytes, with its last signature check kept (see verifyClientChainFirstTime).
    x509 = CertificateFactory.getInstance("X.509", new BouncyCastleProvider());
    if (verifier.verify(presented).client().isEmpty()) {
      throw new IllegalStateException("the dev TPP's chain must verify: " + verifier.verify(presented).rejection());
    }
  }

  /** Cached: the same chain again, as on every connection after a TPP's first. */
  @Benchmark
  public CertificateVerification verifyClientChain() {
    return verifier.verify(presented);
  }

  /**
   * Uncached: a verifier that has not seen the chain (a fresh one per call, trust material reused),
   * given the chain decoded afresh, as a TPP's first connection presents it. The same certificate
   * objects again would not do: the JDK's X509CertImpl keeps its last successful signature check,
   * and the JDK's factory returns the object it cached for the same bytes, so the two RSA verifies
   * would vanish from the figure. BouncyCastle's certificates keep nothing.
   */
  @Benchmark
  public CertificateVerification verifyClientChainFirstTime() throws Exception {
    HotPath hotPath = HotPath.get();
    return new ClientCertificateVerifier(hotPath.trust, hotPath.clock).verify(decodedAfresh());
  }

  private List<X509Certificate> decodedAfresh() throws CertificateException {
    List<X509Certificate> chain = new ArrayList<>(presentedDer.size());
    for (byte[] der : presentedDer) {
      chain.add((X509Certificate) x509.generateCertificate(new ByteArrayInputStream(der)));
    }
    return chain;
  }
}
