package io.dcrgateway.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.config.TrustConfig.Revocation;
import io.dcrgateway.config.TrustConfig.Revocation.Mode;
import io.dcrgateway.devpki.CertificateIssuer;
import io.dcrgateway.devpki.CrlIssuer;
import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.devpki.IssuedCertificate;
import io.dcrgateway.revocation.RevocationOutcome.Verdict;
import io.dcrgateway.testkit.TestConfigs;
import io.dcrgateway.testkit.TestVertx;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checker alone, against real {@code openssl ocsp} responders and real CRLs, for what needs a
 * moved clock or a certificate minted for the test: freshness (nextUpdate passed, max-age), the
 * responder's authorisation, caching until nextUpdate, AIA and CRL distribution points, and the
 * CRL deciding when OCSP cannot.
 */
class RevocationCheckerTest {

  @TempDir
  static Path dir;

  private static Vertx vertx;
  private static Path index;
  private static OpensslOcspResponder delegated;
  private static OpensslOcspResponder caSigned;
  private static OpensslOcspResponder withoutNextUpdate;

  private final MovableClock clock = new MovableClock();
  private RevocationChecker checker;

  @BeforeAll
  static void start() throws Exception {
    vertx = TestVertx.create();
    index = RevocationPki.index(dir);
    Path issuingCa = RevocationPki.LAYOUT.tppIssuingCa().certificate();
    delegated = OpensslOcspResponder.start(index, issuingCa, RevocationPki.LAYOUT.ocspResponder().certificate(),
        RevocationPki.LAYOUT.ocspResponder().privateKey(), dir.resolve("delegated.log"), "-nmin", "1");
    caSigned = OpensslOcspResponder.start(index, issuingCa, issuingCa, RevocationPki.LAYOUT.tppIssuingCa().privateKey(),
        dir.resolve("ca-signed.log"), "-nmin", "10");
    withoutNextUpdate = OpensslOcspResponder.start(index, issuingCa, RevocationPki.LAYOUT.ocspResponder().certificate(),
        RevocationPki.LAYOUT.ocspResponder().privateKey(), dir.resolve("no-next-update.log"));
  }

  @AfterAll
  static void stop() throws Exception {
    delegated.close();
    caSigned.close();
    withoutNextUpdate.close();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void closeChecker() throws Exception {
    if (checker != null) {
      checker.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void acceptsAnAnswerSignedByTheIssuingCaItself() throws Exception {
    RevocationOutcome outcome = check(ocsp(Mode.HARD_FAIL, caSigned.url(), Duration.ofHours(24)), DevPkiLayout.OFB_TPP1_A);

    assertThat(outcome.verdict()).isEqualTo(Verdict.GOOD);
    assertThat(outcome.description()).contains("signed by the issuing CA");
  }

  @Test
  void acceptsADelegatedResponderAndKeepsItsAnswerUntilNextUpdate() throws Exception {
    Path issuingCa = RevocationPki.LAYOUT.tppIssuingCa().certificate();
    OpensslOcspResponder ownResponder = OpensslOcspResponder.start(index, issuingCa,
        RevocationPki.LAYOUT.ocspResponder().certificate(), RevocationPki.LAYOUT.ocspResponder().privateKey(),
        dir.resolve("own.log"), "-nmin", "1");
    Revocation settings = ocsp(Mode.HARD_FAIL, ownResponder.url(), Duration.ofHours(24));

    RevocationOutcome first = check(settings, DevPkiLayout.OFB_TPP1_A);
    ownResponder.close();
    RevocationOutcome cached = checker.check("dev", RevocationPki.client(DevPkiLayout.OFB_TPP1_A), issuer())
        .await(RevocationConfigs.AWAIT_SECONDS, TimeUnit.SECONDS);
    clock.advance(Duration.ofMinutes(2));
    RevocationOutcome afterNextUpdate = checker.check("dev", RevocationPki.client(DevPkiLayout.OFB_TPP1_A), issuer())
        .await(RevocationConfigs.AWAIT_SECONDS, TimeUnit.SECONDS);

    assertThat(first.verdict()).isEqualTo(Verdict.GOOD);
    assertThat(first.description()).contains("delegated responder");
    assertThat(first.validUntil()).isBetween(Instant.now(), Instant.now().plus(Duration.ofMinutes(1)));
    assertThat(cached.verdict()).isEqualTo(Verdict.GOOD);
    assertThat(afterNextUpdate.verdict()).isEqualTo(Verdict.UNKNOWN_REFUSED);
  }

  @Test
  void treatsAnAnswerPastItsNextUpdateAsUnknown() throws Exception {
    clock.advance(Duration.ofMinutes(2)); // the responder says nextUpdate = now + 1 minute

    RevocationOutcome outcome = check(ocsp(Mode.SOFT_FAIL, delegated.url(), Duration.ofHours(24)), DevPkiLayout.REVOKED);

    assertThat(outcome.verdict()).isEqualTo(Verdict.UNKNOWN_ALLOWED);
    assertThat(outcome.description()).contains("stale").contains("nextUpdate");
  }

  @Test
  void treatsAnAnswerOlderThanMaxAgeAsUnknown() throws Exception {
    clock.advance(Duration.ofMinutes(2));

    RevocationOutcome outcome = check(ocsp(Mode.HARD_FAIL, withoutNextUpdate.url(), Duration.ofMinutes(1)),
        DevPkiLayout.OFB_TPP1_A);

    assertThat(outcome.verdict()).isEqualTo(Verdict.UNKNOWN_REFUSED);
    assertThat(outcome.refusalReason()).contains(RevocationOutcome.UNKNOWN_REASON);
  }

  @Test
  void refusesToBelieveAResponderTheCaDidNotAuthorise() throws Exception {
    Path rogue = RevocationPki.write(dir.resolve("rogue-responder.pem"), RevocationPki.unauthorisedResponder());
    try (OpensslOcspResponder unauthorised = OpensslOcspResponder.start(index,
        RevocationPki.LAYOUT.tppIssuingCa().certificate(), rogue, dir.resolve("rogue-responder.pem.key"),
        dir.resolve("rogue.log"), "-nmin", "10")) {
      RevocationOutcome outcome = check(ocsp(Mode.SOFT_FAIL, unauthorised.url(), Duration.ofHours(24)),
          DevPkiLayout.REVOKED);

      assertThat(outcome.verdict()).isEqualTo(Verdict.UNKNOWN_ALLOWED);
      assertThat(outcome.description()).contains("not signed by the issuing CA or a responder it authorised");
    }
  }

  @Test
  void asksTheResponderNamedInTheCertificatesAuthorityInformationAccess() throws Exception {
    X509Certificate leaf = mint(CertificateIssuer.forSubject("CN=aia.tpp.dcr-gateway.test,O=test,C=BR").clientAuth()
        .extension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(AccessDescription.id_ad_ocsp,
            new GeneralName(GeneralName.uniformResourceIdentifier, delegated.url().toString()))));
    checker = checker(ocsp(Mode.SOFT_FAIL, null, Duration.ofHours(24)));

    RevocationOutcome outcome = checker.check("dev", leaf, issuer()).await(RevocationConfigs.AWAIT_SECONDS, TimeUnit.SECONDS);

    // Not in the responder's index: it answers "unknown", which proves it was asked.
    assertThat(outcome.description()).contains("OCSP responder does not know the certificate");
  }

  /**
   * SSRF (issue 7): AIA and CRL distribution points are whatever the certificate's issuer wrote.
   * On loopback (or any private address) they are not fetched without an allow-list entry: the
   * revocation mode decides, as for a responder that is down.
   */
  @Test
  void doesNotFetchAResponderOrCrlOnLoopbackThatOnlyTheCertificateNames() throws Exception {
    AtomicInteger fetches = new AtomicInteger();
    HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
        .requestHandler(request -> {
          fetches.incrementAndGet();
          request.response().setStatusCode(500).end();
        });
    server.listen().await(10, TimeUnit.SECONDS);
    try {
      String url = "http://127.0.0.1:" + server.actualPort() + "/internal";
      X509Certificate leaf = mint(CertificateIssuer.forSubject("CN=ssrf.tpp.dcr-gateway.test,O=test,C=BR").clientAuth()
          .extension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(AccessDescription.id_ad_ocsp,
              new GeneralName(GeneralName.uniformResourceIdentifier, url)))
          .extension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
              new DistributionPoint(new DistributionPointName(new GeneralNames(
                  new GeneralName(GeneralName.uniformResourceIdentifier, url))), null, null)})));
      checker = RevocationChecker.create(vertx,
          RevocationConfigs.trust(TestConfigs.forUpstream("http://127.0.0.1:9"), new Revocation(Mode.HARD_FAIL,
              new Revocation.Ocsp(true, Optional.empty(), RevocationConfigs.RESPONDER_TIMEOUT, Duration.ofHours(24)),
              new Revocation.Crl(true, List.of(), true, RevocationConfigs.RESPONDER_TIMEOUT))),
          io.dcrgateway.config.FetchConfig.DEFAULT, clock, () -> RevocationObserver.NONE).orElseThrow();

      RevocationOutcome outcome = checker.check("dev", leaf, issuer()).await(RevocationConfigs.AWAIT_SECONDS, TimeUnit.SECONDS);

      assertThat(outcome.verdict()).isEqualTo(Verdict.UNKNOWN_REFUSED);
      assertThat(outcome.detail())
          .contains("OCSP responder " + url + " is not fetched: its host resolves to 127.0.0.1, a loopback address")
          .contains("CRL distribution point " + url + " is not fetched");
      assertThat(fetches).hasValue(0);
    } finally {
      server.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void fallsBackToTheCrlWhenOcspCannotTell() throws Exception {
    Path crl = RevocationPki.write(dir.resolve("fallback.crl"), RevocationPki.crl(Instant.now().plus(Duration.ofDays(1))).issue());
    Revocation settings = new Revocation(Mode.HARD_FAIL,
        new Revocation.Ocsp(true, Optional.of(delegated.url()), RevocationConfigs.RESPONDER_TIMEOUT, Duration.ofHours(24)),
        new Revocation.Crl(true, List.of(crl), false, RevocationConfigs.RESPONDER_TIMEOUT));

    RevocationOutcome outcome = check(settings, DevPkiLayout.OFB_TPP2); // unknown to the responder

    assertThat(outcome.verdict()).isEqualTo(Verdict.GOOD);
    assertThat(outcome.description()).isEqualTo("not on the issuing CA's CRL");
  }

  @Test
  void fetchesTheCertificatesCrlDistributionPointAndRefreshesItBeforeNextUpdate() throws Exception {
    IssuedCertificate ca = RevocationPki.issuingCa();
    AtomicReference<X509CRL> published = new AtomicReference<>();
    AtomicInteger fetches = new AtomicInteger();
    HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
        .requestHandler(request -> {
          fetches.incrementAndGet();
          try {
            request.response().putHeader("Content-Type", "application/pkix-crl")
                .end(Buffer.buffer(published.get().getEncoded()));
          } catch (Exception e) {
            request.response().setStatusCode(500).end();
          }
        });
    server.listen().await(10, TimeUnit.SECONDS);
    try {
      URI url = URI.create("http://127.0.0.1:" + server.actualPort() + "/issuing.crl");
      X509Certificate leaf = mint(CertificateIssuer.forSubject("CN=dp.tpp.dcr-gateway.test,O=test,C=BR").clientAuth()
          .extension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
              new DistributionPoint(new DistributionPointName(new GeneralNames(
                  new GeneralName(GeneralName.uniformResourceIdentifier, url.toString()))), null, null)})));
      // Valid for ten minutes: refreshed from a minute before nextUpdate (a tenth of its validity).
      Instant now = Instant.now();
      published.set(CrlIssuer.by(ca).validity(now, now.plus(Duration.ofMinutes(10))).issue());
      checker = checker(new Revocation(Mode.HARD_FAIL,
          new Revocation.Ocsp(false, Optional.empty(), RevocationConfigs.RESPONDER_TIMEOUT, Duration.ofHours(24)),
          new Revocation.Crl(true, List.of(), true, RevocationConfigs.RESPONDER_TIMEOUT)));

      assertThat(checker.check("dev", leaf, issuer()).await(RevocationConfigs.AWAIT_SECONDS, TimeUnit.SECONDS).verdict()).isEqualTo(Verdict.GOOD);
      published.set(CrlIssuer.by(ca).validity(now, now.plus(Duration.ofMinutes(20)))
          .revoke(leaf.getSerialNumber(), now, CRLReason.keyCompromise).number(java.math.BigInteger.TWO).issue());
      clock.advance(Duration.ofMinutes(9).plusSeconds(30));
      // Still current: answered from the held CRL while the refresh runs in the background.
      assertThat(checker.check("dev", leaf, issuer()).await(RevocationConfigs.AWAIT_SECONDS, TimeUnit.SECONDS).verdict()).isEqualTo(Verdict.GOOD);
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      RevocationOutcome refreshed;
      do {
        Thread.sleep(20);
        refreshed = checker.check("dev", leaf, issuer()).await(RevocationConfigs.AWAIT_SECONDS, TimeUnit.SECONDS);
      } while (refreshed.verdict() != Verdict.REVOKED && System.nanoTime() < until);

      assertThat(refreshed.verdict()).isEqualTo(Verdict.REVOKED);
      assertThat(refreshed.description()).contains("revoked").contains("KEY_COMPROMISE");
      assertThat(fetches.get()).isEqualTo(2);
    } finally {
      server.close().await(10, TimeUnit.SECONDS);
    }
  }

  private RevocationOutcome check(Revocation settings, String client) throws Exception {
    checker = checker(settings);
    return checker.check("dev", RevocationPki.client(client), issuer()).await(RevocationConfigs.AWAIT_SECONDS, TimeUnit.SECONDS);
  }

  private RevocationChecker checker(Revocation settings) {
    return RevocationChecker.create(vertx,
        RevocationConfigs.trust(TestConfigs.forUpstream("http://127.0.0.1:9"), settings), TestConfigs.LOOPBACK_FETCH, clock,
        () -> RevocationObserver.NONE).orElseThrow();
  }

  private static Revocation ocsp(Mode mode, URI responder, Duration maxAge) {
    return new Revocation(mode, new Revocation.Ocsp(true, Optional.ofNullable(responder), RevocationConfigs.RESPONDER_TIMEOUT, maxAge),
        new Revocation.Crl(false, List.of(), false, RevocationConfigs.RESPONDER_TIMEOUT));
  }

  private static X509Certificate issuer() {
    return RevocationPki.issuingCa().certificate();
  }

  private static X509Certificate mint(CertificateIssuer issuer) {
    return issuer.signedBy(RevocationPki.issuingCa()).certificate();
  }

  /** The system clock, moved forward on demand: staleness without waiting. */
  private static final class MovableClock extends Clock {
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    void advance(Duration by) {
      offset.updateAndGet(o -> o.plus(by));
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
