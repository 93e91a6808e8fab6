package io.dcrgateway.devpki;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where {@link DevPki} puts each file under its output directory. Other code (dev configs,
 * integration tests) finds dev trust material through these methods rather than by spelling
 * paths, so the layout has one owner.
 */
public record DevPkiLayout(Path root) {

  public static final String OFB_TPP1_A = "ofb-tpp1-a";
  public static final String OFB_TPP1_B = "ofb-tpp1-b";
  public static final String OFB_TPP2 = "ofb-tpp2";
  public static final String OFB_LEGACY = "ofb-legacy";
  public static final String UK_TPP = "uk-tpp";
  public static final String EXPIRED = "expired";
  public static final String UNTRUSTED = "untrusted";
  public static final String FORGED = "forged";
  public static final String WEAK_KEY = "weak-key";
  public static final String WRONG_EKU = "wrong-eku";
  public static final String REVOKED = "revoked";

  public static final List<String> CLIENT_NAMES = List.of(
      OFB_TPP1_A, OFB_TPP1_B, OFB_TPP2, OFB_LEGACY, UK_TPP, EXPIRED, UNTRUSTED, FORGED, WEAK_KEY, WRONG_EKU,
      REVOKED);

  /** A CA certificate and its private key. */
  public record CaFiles(Path certificate, Path privateKey) {
  }

  /**
   * An end-entity certificate: the leaf alone, its PKCS#8 key, the leaf plus the CA above it (what
   * a TLS peer sends), and a PKCS#12 with all three.
   */
  public record LeafFiles(Path certificate, Path privateKey, Path chain, Path pkcs12) {
  }

  public CaFiles tppRootCa() {
    return ca("tpp-root-ca");
  }

  /** Signed by the TPP root, pathLen 0: it issues every trusted client certificate. */
  public CaFiles tppIssuingCa() {
    return ca("tpp-issuing-ca");
  }

  public CaFiles serverCa() {
    return ca("server-ca");
  }

  /** Self-signed, with the TPP issuing CA's subject DN: it signs the forged client certificate. */
  public CaFiles rogueCa() {
    return ca("rogue-ca");
  }

  /** Self-signed, outside every trust bundle: it signs the "untrusted" client certificate. */
  public CaFiles untrustedCa() {
    return ca("untrusted-ca");
  }

  /** The TPP root alone: the trust anchor the gateway is configured with. */
  public Path tppTrustBundle() {
    return root.resolve("ca/tpp-trust-bundle.pem");
  }

  /** The TPP issuing CA, for gateways that complete chains clients send without it. */
  public Path tppIntermediates() {
    return root.resolve("ca/tpp-intermediates.pem");
  }

  /** The TPP issuing CA's CRL (PEM): lists the revoked client. */
  public Path tppIssuingCrl() {
    return root.resolve("ca/tpp-issuing-ca.crl");
  }

  /**
   * A delegated OCSP responder of the TPP issuing CA (id-kp-OCSPSigning) and its key, and the
   * {@code openssl ocsp} index of that CA's certificates: {@code openssl ocsp -index
   * ocsp/index.txt -CA ca/tpp-issuing-ca.pem -rsigner ocsp/responder.pem -rkey ocsp/responder.key
   * -port 8888} answers for every client the CA issued.
   */
  public ResponderFiles ocspResponder() {
    return new ResponderFiles(root.resolve("ocsp/responder.pem"), root.resolve("ocsp/responder.key"),
        root.resolve("ocsp/index.txt"));
  }

  /** An OCSP responder certificate, its key and the index (in {@code openssl ca} format) it answers from. */
  public record ResponderFiles(Path certificate, Path privateKey, Path index) {
  }

  public LeafFiles server() {
    return new LeafFiles(root.resolve("server/server.pem"), root.resolve("server/server.key"),
        root.resolve("server/server-chain.pem"), root.resolve("server/server.p12"));
  }

  public LeafFiles client(String name) {
    Path clients = root.resolve("clients");
    return new LeafFiles(clients.resolve(name + ".pem"), clients.resolve(name + ".key"),
        clients.resolve(name + "-chain.pem"), clients.resolve(name + ".p12"));
  }

  /**
   * The private RSA JWK (PS256) a UK TPP signs its registration request JWT with. UK-03: the
   * request is holder-of-key proof, so each client has a key of its own beside its certificate.
   */
  public Path clientSigningKey(String name) {
    return root.resolve("clients/" + name + "-signing.jwk");
  }

  /** The public JWKS of {@link #clientSigningKey}: what the SSA's software_jwks_endpoint serves (UK-03). */
  public Path clientJwks(String name) {
    return root.resolve("clients/" + name + "-jwks.json");
  }

  /** The private RSA JWK a dev directory signs software statements with. */
  public Path directorySigningKey() {
    return root.resolve("directory/signing-key.jwk");
  }

  /** The public JWKS the gateway verifies software statements against. */
  public Path directoryJwks() {
    return root.resolve("directory/jwks.json");
  }

  public Path manifest() {
    return root.resolve("dev-pki.json");
  }

  /** Every file a generation writes, in writing order. */
  public List<Path> allFiles() {
    List<Path> files = new ArrayList<>();
    for (CaFiles ca : List.of(tppRootCa(), tppIssuingCa(), serverCa(), rogueCa(), untrustedCa())) {
      files.add(ca.certificate());
      files.add(ca.privateKey());
    }
    files.add(tppTrustBundle());
    files.add(tppIntermediates());
    files.addAll(leafFiles(server()));
    for (String name : CLIENT_NAMES) {
      files.addAll(leafFiles(client(name)));
      files.add(clientSigningKey(name));
      files.add(clientJwks(name));
    }
    files.add(directorySigningKey());
    files.add(directoryJwks());
    files.add(tppIssuingCrl());
    files.add(ocspResponder().certificate());
    files.add(ocspResponder().privateKey());
    files.add(ocspResponder().index());
    files.add(manifest());
    return List.copyOf(files);
  }

  private CaFiles ca(String name) {
    return new CaFiles(root.resolve("ca/" + name + ".pem"), root.resolve("ca/" + name + ".key"));
  }

  private static List<Path> leafFiles(LeafFiles leaf) {
    return List.of(leaf.certificate(), leaf.privateKey(), leaf.chain(), leaf.pkcs12());
  }
}
