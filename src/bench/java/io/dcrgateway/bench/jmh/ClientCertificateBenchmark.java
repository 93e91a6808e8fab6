package io.dcrgateway.bench.jmh;

import io.dcrgateway.tls.CertificateVerification;
import io.dcrgateway.tls.ClientCertificateVerifier;
import java.security.cert.X509Certificate;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Stage tls on a new connection: PKIX path building and validation of the TPP's two-certificate
 * chain to the dev trust anchor, with the leaf and key-size checks (one per TLS session; keep-alive
 * requests reuse it). Two RSA-2048 verifies are the floor.
 */
@State(Scope.Benchmark)
public class ClientCertificateBenchmark {

  private ClientCertificateVerifier verifier;
  private List<X509Certificate> presented;

  @Setup
  public void setUp() throws Exception {
    HotPath hotPath = HotPath.get();
    verifier = new ClientCertificateVerifier(hotPath.trust, hotPath.clock);
    presented = hotPath.presentedChain;
    if (verifier.verify(presented).client().isEmpty()) {
      throw new IllegalStateException("the dev TPP's chain must verify: " + verifier.verify(presented).rejection());
    }
  }

  @Benchmark
  public CertificateVerification verifyClientChain() {
    return verifier.verify(presented);
  }
}
