package io.dcrgateway.bench.jmh;

import com.nimbusds.jose.jwk.JWKSet;
import io.dcrgateway.config.CryptoConfig;
import io.dcrgateway.config.DirectoryConfig;
import io.dcrgateway.config.RegistrationConfig;
import io.dcrgateway.config.RegistrationConfig.SignedRequestForwarding;
import io.dcrgateway.config.TrustConfig;
import io.dcrgateway.crypto.PublicKeyCrypto;
import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.devpki.DevPkiManifest;
import io.dcrgateway.devpki.SoftwareStatementMinter;
import io.dcrgateway.policy.Profile;
import io.dcrgateway.policy.Profiles;
import io.dcrgateway.replay.ReplayStore;
import io.dcrgateway.statement.SoftwareStatementVerifier;
import io.dcrgateway.statement.StatementObserver;
import io.dcrgateway.statement.TrustedDirectory;
import io.dcrgateway.statement.VerificationKeys;
import io.dcrgateway.testkit.OfbDirectory;
import io.dcrgateway.testkit.SharedDevPki;
import io.dcrgateway.tls.PemCertificates;
import io.dcrgateway.tls.TrustDomainMaterial;
import io.dcrgateway.tls.TrustMaterial;
import io.dcrgateway.tls.VerifiedClient;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the hot-path benchmarks share, built once per fork the way the gateway builds it from
 * src/bench/conf/gateway.yaml: a fresh dev PKI (the product's own minters), its trust bundle as
 * the one trust domain, the dev directory's key set in memory, the Open Finance Brasil profile,
 * and one registration of TPP ofb-tpp1-a whose software statement the directory signed (PS256).
 * The clock is fixed at the statement's minting, so that it stays fresh however long a run lasts.
 */
final class HotPath {

  static final String CLIENT = DevPkiLayout.OFB_TPP1_A;

  final Clock clock;
  final List<X509Certificate> presentedChain;
  final TrustMaterial trust;
  final DirectoryConfig directory;
  final SoftwareStatementVerifier statements;
  final SoftwareStatementVerifier awsLcStatements;
  final Profile openFinance;
  final String statement;
  final JsonObject metadata;

  private HotPath() throws Exception {
    DevPkiLayout layout = SharedDevPki.layout();
    DevPkiManifest manifest = DevPkiManifest.read(layout.root());
    Instant now = Instant.now();
    clock = Clock.fixed(now, ZoneOffset.UTC);
    presentedChain = PemCertificates.read(layout.client(CLIENT).chain());
    trust = new TrustMaterial(List.of(new TrustDomainMaterial("dev", anchors(layout.tppTrustBundle()),
        PemCertificates.read(layout.tppIntermediates()))), new TrustConfig.KeyMinimums(2048, 256));

    directory = OfbDirectory.devDirectory();
    JWKSet directoryKeys = JWKSet.load(layout.directoryJwks().toFile());
    statements = new SoftwareStatementVerifier(List.of(new TrustedDirectory(directory, inMemory(directoryKeys))),
        everyUseFirst(), clock);
    awsLcStatements = new SoftwareStatementVerifier(List.of(new TrustedDirectory(directory, inMemory(directoryKeys))),
        everyUseFirst(), clock, StatementObserver.NONE,
        PublicKeyCrypto.select(CryptoConfig.Provider.AWS_LC).awsLc());
    openFinance = Profiles.build(new RegistrationConfig("open-finance-brasil", Optional.empty(),
        SignedRequestForwarding.ORIGINAL, Optional.empty(), List.of(directory), List.of()))
        .get("open-finance-brasil");

    SoftwareStatementMinter minter = SoftwareStatementMinter.forClient(manifest, CLIENT);
    Map<String, Object> claims = minter.claims();
    statement = minter.claim("jti", UUID.randomUUID().toString()).issuedAt(now).mint();
    // The body src/bench/run.sh sends: what the OFB profile accepts, values from the statement.
    metadata = new JsonObject()
        .put("redirect_uris", new JsonArray().add(((List<?>) claims.get("software_redirect_uris")).get(0)))
        .put("jwks_uri", claims.get("software_jwks_uri"))
        .put("token_endpoint_auth_method", "private_key_jwt")
        .put("software_statement", statement);
  }

  /**
   * The TPP's verified client as its TLS session keeps it: a new one per call, so that what a
   * benchmark's stage caches on it is that benchmark's own.
   */
  VerifiedClient verifiedClient() {
    return new VerifiedClient(presentedChain.get(0), presentedChain.subList(1, presentedChain.size()), "dev");
  }

  private static HotPath instance;

  /** One per JVM: RSA key generation for the dev PKI takes seconds. */
  static synchronized HotPath get() throws Exception {
    if (instance == null) {
      instance = new HotPath();
    }
    return instance;
  }

  private static Set<TrustAnchor> anchors(Path bundle) throws Exception {
    return PemCertificates.read(bundle).stream().map(c -> new TrustAnchor(c, null)).collect(Collectors.toSet());
  }

  private static VerificationKeys inMemory(JWKSet keys) {
    return new VerificationKeys() {
      @Override
      public Optional<JWKSet> current() {
        return Optional.of(keys);
      }

      @Override
      public Future<Optional<JWKSet>> refreshFor(String kid) {
        return Future.succeededFuture(Optional.of(keys));
      }
    };
  }

  /** Replay is claimed after the rules, in the replay store: not part of verification. */
  private static ReplayStore everyUseFirst() {
    return new ReplayStore() {
      @Override
      public Future<Boolean> firstUse(String namespace, String id, Instant expiresAt) {
        return Future.succeededFuture(true);
      }

      @Override
      public Future<Void> release(String namespace, String id) {
        return Future.succeededFuture();
      }
    };
  }
}
