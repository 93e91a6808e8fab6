package io.dcrgateway.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.config.FetchConfig;
import io.dcrgateway.config.FetchConfig.AddressRange;
import io.dcrgateway.config.FetchConfig.HostPattern;
import io.dcrgateway.testkit.TestVertx;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A URL from a request or a certificate is fetched only from a public address, over https where
 * the content is not signed, unless the allow-list names it (issue 7, SSRF). Literal addresses
 * and localhost only: nothing here depends on outside DNS.
 */
class FetchPolicyTest {

  private static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = TestVertx.create();
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", textBlock = """
      https://127.0.0.1/jwks => a loopback address
      https://127.10.20.30:8443/jwks => a loopback address
      https://localhost/jwks => a loopback address
      https://[::1]/jwks => a loopback address
      https://0.0.0.0/jwks => a "this network" address
      https://[::]/jwks => the unspecified address
      https://10.1.2.3/jwks => a private address (RFC 1918)
      https://172.16.0.1/jwks => a private address (RFC 1918)
      https://172.31.255.255/jwks => a private address (RFC 1918)
      https://192.168.1.1/jwks => a private address (RFC 1918)
      https://100.64.0.1/jwks => a shared address
      https://169.254.169.254/latest/meta-data => a link-local address
      https://[fe80::1]/jwks => a link-local address
      https://[fd00::1]/jwks => a unique local address
      https://[fc00::1]/jwks => a unique local address
      https://224.0.0.1/jwks => a multicast address
      https://[ff02::1]/jwks => a multicast address
      https://255.255.255.255/jwks => a reserved or broadcast address
      https://[::ffff:127.0.0.1]/jwks => a loopback address
      https://[::ffff:10.0.0.1]/jwks => a private address
      https://[64:ff9b::a9fe:a9fe]/jwks => a link-local address
      https://[2002:c0a8:0101::1]/jwks => a private address
      http://203.0.114.7/jwks => it must be https
      ftp://203.0.114.7/jwks => only absolute http(s) URLs
      https://user:pw@203.0.114.7/jwks => only absolute http(s) URLs
      """)
  void refusesNonPublicOrPlainHttpDestinationsWithoutConnecting(String url, String why) {
    Throwable refusal = vet(policy(List.of()), url).cause();

    assertThat(refusal).isInstanceOf(FetchRefusedException.class);
    assertThat(refusal.getMessage()).startsWith("the JWKS endpoint " + url + " is not fetched: ").contains(why);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(textBlock = """
      https://203.0.114.7/jwks
      https://8.8.8.8:8443/keys
      https://[2a00:1450:4001::1]/jwks
      https://172.32.0.1/jwks
      """)
  void publicHttpsDestinationsAreFetchedAtTheAddressThatWasChecked(String url) {
    FetchTarget target = vet(policy(List.of()), url).result();

    assertThat(target.url()).isEqualTo(URI.create(url));
    assertThat(target.pinned()).hasValueSatisfying(server -> assertThat(server.port())
        .isEqualTo(FetchTarget.port(URI.create(url))));
  }

  @Test
  void aHostNameIsJudgedByEveryAddressItResolvesTo() {
    // localhost is a name, not a literal: the check is on what it resolves to.
    assertThat(vet(policy(List.of()), "https://localhost:8443/jwks").cause())
        .hasMessageContaining("resolves to").hasMessageContaining("a loopback address");
  }

  @Test
  void anAllowListedRangeMayBeFetchedOverHttpAtItsCheckedAddress() {
    FetchPolicy policy = policy(List.of(new AddressRange(new byte[] {127, 0, 0, 0}, 8, "127.0.0.0/8")));

    FetchTarget target = vet(policy, "http://127.0.0.1:9999/jwks").result();

    assertThat(target.pinned()).hasValueSatisfying(server -> {
      assertThat(server.hostAddress()).isEqualTo("127.0.0.1");
      assertThat(server.port()).isEqualTo(9999);
    });
    assertThat(vet(policy, "http://10.0.0.1/jwks").cause()).isInstanceOf(FetchRefusedException.class);
  }

  @Test
  void anAllowListedHostPatternCoversNamesBelowItButNotTheBareName() {
    FetchPolicy policy = policy(List.of(new HostPattern("*.internal.example"), new HostPattern("localhost")));

    assertThat(vet(policy, "http://keys.internal.example/jwks").succeeded()).isTrue();
    assertThat(vet(policy, "https://localhost/jwks").succeeded()).isTrue();
    assertThat(vet(policy, "https://internal.example/jwks").failed()).isTrue();
    assertThat(vet(policy, "https://evilinternal.example/jwks").failed()).isTrue();
  }

  @Test
  void signedContentMayComeOverPlainHttpButNeverFromAPrivateAddress() {
    FetchPolicy revocation = new FetchPolicy(vertx, FetchConfig.DEFAULT, FetchPolicy.Schemes.HTTP_OR_HTTPS,
        "OCSP responder");

    assertThat(vet(revocation, "http://203.0.114.7/ocsp").succeeded()).isTrue();
    assertThat(vet(revocation, "http://127.0.0.1:8888/ocsp").cause())
        .hasMessage("OCSP responder http://127.0.0.1:8888/ocsp is not fetched: its host resolves to 127.0.0.1,"
            + " a loopback address, which is only reached when fetch.allow-list names it");
  }

  private static FetchPolicy policy(List<FetchConfig.AllowedTarget> allowList) {
    return new FetchPolicy(vertx, new FetchConfig(allowList), FetchPolicy.Schemes.HTTPS_ONLY, "the JWKS endpoint");
  }

  private static Future<FetchTarget> vet(FetchPolicy policy, String url) {
    Future<FetchTarget> vetted = policy.vet(URI.create(url));
    try {
      vetted.await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // the outcome is read from the future
    }
    return vetted;
  }
}
