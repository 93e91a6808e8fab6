package io.dcrgateway.hostile;

import com.nimbusds.jose.jwk.JWKSet;
import io.dcrgateway.config.DirectoryConfig;
import io.dcrgateway.config.RegistrationConfig;
import io.dcrgateway.config.RegistrationConfig.SignedRequestForwarding;
import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.devpki.RequestJwtMinter;
import io.dcrgateway.pipeline.RegistrationChecks;
import io.dcrgateway.pipeline.RegistrationChecksAccess;
import io.dcrgateway.policy.Operation;
import io.dcrgateway.policy.Profiles;
import io.dcrgateway.replay.ReplayStore;
import io.dcrgateway.request.RegistrationRequest;
import io.dcrgateway.request.RequestContext;
import io.dcrgateway.statement.SignedRequestVerifier;
import io.dcrgateway.statement.SoftwareKeys;
import io.dcrgateway.statement.SoftwareStatementVerifier;
import io.dcrgateway.statement.TrustedDirectory;
import io.dcrgateway.statement.VerificationKeys;
import io.dcrgateway.testkit.OfbDirectory;
import io.dcrgateway.testkit.SharedDevPki;
import io.dcrgateway.tls.PemCertificates;
import io.dcrgateway.tls.VerifiedClient;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The parse -> software statement -> rules stages of both built-in ecosystem profiles, wired as
 * the gateway wires them, but with every source of I/O replaced by something synchronous: the
 * directory and TPP keys are the dev PKI's key sets in memory, and every jti is a first use (the
 * fuzzer replays inputs; replay protection has its own tests). So one input runs in
 * microseconds, and its future is complete when {@link #check} returns.
 */
final class RegistrationStages {

  private final RegistrationChecks openFinance;
  private final RegistrationChecks ukOpenBanking;
  private final VerifiedClient ofbClient;
  private final VerifiedClient ukClient;

  private RegistrationStages(RegistrationChecks openFinance, RegistrationChecks ukOpenBanking,
      VerifiedClient ofbClient, VerifiedClient ukClient) {
    this.openFinance = openFinance;
    this.ukOpenBanking = ukOpenBanking;
    this.ofbClient = ofbClient;
    this.ukClient = ukClient;
  }

  static RegistrationStages create() throws Exception {
    DevPkiLayout pki = SharedDevPki.layout();
    JWKSet directoryKeys = JWKSet.load(pki.directoryJwks().toFile());
    JWKSet tppKeys = JWKSet.load(pki.clientJwks(DevPkiLayout.UK_TPP).toFile());
    DirectoryConfig ofb = OfbDirectory.devDirectory();
    DirectoryConfig uk = HostileConfigs.ukDirectory();
    VerificationKeys inMemory = new VerificationKeys() {
      @Override
      public Optional<JWKSet> current() {
        return Optional.of(directoryKeys);
      }

      @Override
      public Future<Optional<JWKSet>> refreshFor(String kid) {
        return Future.succeededFuture(Optional.of(directoryKeys));
      }
    };
    ReplayStore everyUseFirst = new ReplayStore() {
      @Override
      public Future<Boolean> firstUse(String namespace, String id, Instant expiresAt) {
        return Future.succeededFuture(true);
      }

      @Override
      public Future<Void> release(String namespace, String id) {
        return Future.succeededFuture();
      }
    };
    SoftwareStatementVerifier statements = new SoftwareStatementVerifier(
        List.of(new TrustedDirectory(ofb, inMemory), new TrustedDirectory(uk, inMemory)), everyUseFirst,
        Clock.systemUTC());
    SoftwareKeys tppJwks = (uri, kid) -> Future.succeededFuture(tppKeys);
    SignedRequestVerifier signedRequests = new SignedRequestVerifier(statements, tppJwks, everyUseFirst,
        Optional.of(RequestJwtMinter.DEFAULT_AUDIENCE), Duration.ofSeconds(60));
    RegistrationConfig registration = new RegistrationConfig("open-finance-brasil", Optional.empty(),
        SignedRequestForwarding.CLAIMS, Optional.of(RequestJwtMinter.DEFAULT_AUDIENCE), List.of(ofb, uk), List.of());
    var profiles = Profiles.build(registration);
    return new RegistrationStages(
        new RegistrationChecks(profiles.get("open-finance-brasil"), statements, signedRequests,
            SignedRequestForwarding.CLAIMS),
        new RegistrationChecks(profiles.get("uk-open-banking"), statements, signedRequests,
            SignedRequestForwarding.CLAIMS),
        verified(pki, DevPkiLayout.OFB_TPP1_A), verified(pki, DevPkiLayout.UK_TPP));
  }

  /** POST /register as the Open Finance Brasil TPP ofb-tpp1-a. */
  Future<Buffer> openFinance(Optional<String> contentType, byte[] body) {
    return RegistrationChecksAccess.check(openFinance, request(contentType, body), ofbClient, Operation.REGISTER);
  }

  /** POST /register as the UK TPP uk-tpp. */
  Future<Buffer> ukOpenBanking(Optional<String> contentType, byte[] body) {
    return RegistrationChecksAccess.check(ukOpenBanking, request(contentType, body), ukClient, Operation.REGISTER);
  }

  private static RegistrationRequest request(Optional<String> contentType, byte[] body) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    contentType.ifPresent(type -> headers.add("Content-Type", type));
    return new RegistrationRequest(HttpMethod.POST, Optional.empty(), headers, Buffer.buffer(body),
        new RequestContext("fuzz", Optional.empty(), "127.0.0.1", "localhost"));
  }

  private static VerifiedClient verified(DevPkiLayout pki, String client) throws Exception {
    List<X509Certificate> chain = PemCertificates.read(pki.client(client).chain());
    return new VerifiedClient(chain.get(0), chain.subList(1, chain.size()), "dev");
  }
}
