package io.dcrgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One key set to one bad value: the problem names the key, what is allowed and what was given. */
class ValueValidationTest {

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '\'', textBlock = """
      listener.port => 84x3 => must be an integer between 1 and 65535, got "84x3"
      listener.port => 0 => must be an integer between 1 and 65535, got "0"
      listener.port => 65536 => must be an integer between 1 and 65535, got "65536"
      listener.port => 8443.0 => must be an integer between 1 and 65535, got "8443.0"
      listener.host => http://x => must be a host name or IP address (e.g. 0.0.0.0, 127.0.0.1, ::1), got "http://x"
      listener.host => 256.1.1.1 => must be a host name or IP address (e.g. 0.0.0.0, 127.0.0.1, ::1), got "256.1.1.1"
      listener.registration-path => register => must be a path that starts with / and does not end with / (e.g. /register), got "register"
      listener.registration-path => /register/ => must be a path that starts with / and does not end with / (e.g. /register), got "/register/"
      listener.registration-path => / => must be a path that starts with / and does not end with / (e.g. /register), got "/"
      listener.registration-path => /a//b => must be a path without empty segments (//), got "/a//b"
      listener.registration-path => /a/../b => must be a path without . or .. segments, got "/a/../b"
      listener.registration-path => /{id} => must be a path of URL path characters only (letters, digits, -._~!$&'()*+,;=:@ and %XX escapes), got "/{id}"
      listener.max-body-size => 64KB => must be a size in bytes, KiB or MiB (KB and MB are ambiguous), between 1B and 16MiB, got "64KB"
      listener.max-body-size => 1M => must be a size in bytes, KiB or MiB (KB and MB are ambiguous), between 1B and 16MiB, got "1M"
      listener.max-body-size => 32MiB => must be between 1B and 16MiB, got "32MiB"
      listener.max-body-size => 0 => must be between 1B and 16MiB, got "0"
      listener.max-body-size => lots => must be a size such as 65536, 64KiB or 1MiB, between 1B and 16MiB, got "lots"
      listener.idle-timeout => 60 => must be a duration with a unit (ms, s, m or h) between 1s and 1h, e.g. 60s, got "60"
      listener.idle-timeout => 1d => must be a duration such as 500ms, 10s, 2m or 1h, between 1s and 1h, got "1d"
      listener.idle-timeout => 2h => must be between 1s and 1h, got "2h"
      listener.max-header-size => 512 => must be between 1KiB and 64KiB, got "512"
      listener.max-header-size => 1MiB => must be between 1KiB and 64KiB, got "1MiB"
      listener.max-initial-line-length => 100 => must be between 256B and 16KiB, got "100"
      listener.max-connections => 0 => must be an integer between 1 and 1000000, got "0"
      listener.max-connections => many => must be an integer between 1 and 1000000, got "many"
      listener.request-timeout => 500ms => must be between 1s and 10m, got "500ms"
      listener.request-timeout => 30 => must be a duration with a unit (ms, s, m or h) between 1s and 10m, e.g. 30s, got "30"
      listener.rate-limit.enabled => yes => must be true or false, got "yes"
      listener.rate-limit.requests => 0 => must be an integer between 1 and 1000000, got "0"
      listener.rate-limit.per => 100ms => must be between 1s and 1h, got "100ms"
      listener.rate-limit.burst => -1 => must be an integer between 1 and 1000000, got "-1"
      listener.rate-limit.organisation.requests => 0 => must be an integer between 1 and 1000000, got "0"
      listener.tls.client-auth => optional => must be request or require, got "optional"
      listener.tls.client-auth => REQUIRE => must be request or require, got "REQUIRE"
      listener.tls.handshake-timeout => 500ms => must be between 1s and 5m, got "500ms"
      listener.tls.engine => boringssl => must be openssl or jdk, got "boringssl"
      listener.transport => epoll => must be native, nio or io_uring, got "epoll"
      listener.servers => 0 => must be an integer between 1 and 64, got "0"
      listener.servers => 65 => must be an integer between 1 and 64, got "65"
      listener.servers => cores => must be auto or a whole number from 1 to 64, got "cores"
      listener.servers => -1 => must be auto or a whole number from 1 to 64, got "-1"
      crypto.provider => openssl => must be auto, aws-lc or built-in, got "openssl"
      trust.key-minimums.rsa-bits => 512 => must be an integer between 1024 and 16384, got "512"
      trust.key-minimums.ec-bits => 1024 => must be an integer between 160 and 521, got "1024"
      trust.domains[0].name => Dev_1 => must be lower-case letters, digits and - only (it labels audit records and metrics), got "Dev_1"
      upstream.base-url => localhost:8080 => must be an absolute http or https URL, got "localhost:8080"
      upstream.base-url => ftp://is/ => must be an absolute http or https URL, got "ftp://is/"
      upstream.base-url => /relative => must be an absolute http or https URL, got "/relative"
      upstream.base-url => http://is:8080/?a=1 => must be an absolute http or https URL without query (?) or fragment (#), got "http://is:8080/?a=1"
      upstream.base-url => http://is#x => must be an absolute http or https URL without query (?) or fragment (#), got "http://is#x"
      upstream.base-url => http://u:secret@is => must not contain credentials (user:password@); the gateway does not log in to the identity server
      upstream.registration-path => realms/dcr => must be a path that starts with / and does not end with / (e.g. /register), got "realms/dcr"
      upstream.pool-size => 2000 => must be an integer between 1 and 1024, got "2000"
      upstream.connect-timeout => 0ms => must be between 100ms and 5m, got "0ms"
      upstream.response-timeout => 10 => must be a duration with a unit (ms, s, m or h) between 1s and 10m, e.g. 10s, got "10"
      upstream.keep-alive-timeout => 500ms => must be between 1s and 1h, got "500ms"
      upstream.keep-alive-timeout => 1500ms => must be whole seconds between 1s and 1h (the HTTP client counts seconds), got "1500ms"
      upstream.keep-alive-timeout => 2h => must be between 1s and 1h, got "2h"
      admin.enabled => yes => must be true or false, got "yes"
      admin.port => -1 => must be an integer between 1 and 65535, got "-1"
      reload.watch => yes => must be true or false, got "yes"
      reload.interval => 10ms => must be between 100ms and 1h, got "10ms"
      forwarding.request-id-header => X Request => must be a header name (an RFC 9110 token: letters, digits and !#$%&'*+-.^_`|~), got "X Request"
      forwarding.request-id-header => Host => must be a header other than Host, Content-Length, Content-Type, Transfer-Encoding, Connection or Authorization, which forwarding relies on, got "Host"
      """)
  void rejectsValueWithKeyAllowedRangeAndWhatWasGiven(String key, String value, String message) {
    assertThat(ConfigFixture.minimal(dir).with(key, value).problems())
        .containsExactly(new ConfigProblem(key, message));
  }

  @Test
  void yamlGuessesAreNotTrusted() {
    // YAML 1.1 reads 0x20FB as 8443 and "on" as true; an operator reading the file would not.
    Path file = ConfigFixture.writeYaml(dir, """
        listener:
          port: 0x20FB
          tls: {certificate: a.pem, key: b.pem}
        trust: {domains: [{name: dev, anchors: [c.pem]}]}
        upstream: {base-url: "http://is", registration-path: /r}
        admin: {enabled: on}
        """);

    assertThat(ConfigFixture.problemsOf(file, name -> null, FileChecks.SKIP)).containsExactly(
        new ConfigProblem("listener.port", "must be an integer between 1 and 65535, got \"0x20FB\""),
        new ConfigProblem("admin.enabled", "must be true or false, got \"on\""));
  }

  @Test
  void acceptsEveryUnitAndQuotedNumbers() {
    GatewayConfig config = ConfigFixture.minimal(dir)
        .with("listener.port", "9443")
        .with("listener.max-body-size", "1MiB")
        .with("listener.idle-timeout", "2m")
        .with("listener.tls.handshake-timeout", "1500ms")
        .with("listener.tls.engine", "jdk")
        .with("listener.transport", "io_uring")
        .with("listener.servers", "1")
        .with("upstream.response-timeout", "10m")
        .with("upstream.connect-timeout", "100ms")
        .with("upstream.keep-alive-timeout", "2m")
        .with("listener.host", "::1")
        .with("reload.watch", "false")
        .with("reload.interval", "500ms")
        .with("crypto.provider", "built-in")
        .load();

    assertThat(config.listener().port()).isEqualTo(9443);
    assertThat(config.listener().maxBodyBytes()).isEqualTo(1024 * 1024);
    assertThat(config.listener().idleTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(config.listener().tls().handshakeTimeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(config.listener().tls().engine()).isEqualTo(ListenerConfig.TlsEngine.JDK);
    assertThat(config.listener().transport()).isEqualTo(ListenerConfig.Transport.IO_URING);
    assertThat(config.listener().serversFor(8)).isEqualTo(1);
    assertThat(config.upstream().responseTimeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(config.upstream().connectTimeout()).isEqualTo(Duration.ofMillis(100));
    assertThat(config.upstream().keepAliveTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(config.listener().host()).isEqualTo("::1");
    assertThat(config.reload()).isEqualTo(new ReloadConfig(false, Duration.ofMillis(500)));
    assertThat(config.crypto().provider()).isEqualTo(CryptoConfig.Provider.BUILT_IN);
  }

  @Test
  void theListenerHasOneServerPerProcessorUnlessToldOtherwise() {
    assertThat(ConfigFixture.minimal(dir).load().listener().serversFor(6)).isEqualTo(6);
    assertThat(ConfigFixture.minimal(dir).with("listener.servers", "auto").load().listener().serversFor(2)).isEqualTo(2);
    assertThat(ConfigFixture.minimal(dir).with("listener.servers", "3").load().listener().serversFor(2)).isEqualTo(3);
  }

  @Test
  void limitsHaveSafeDefaults() {
    ListenerConfig listener = ConfigFixture.minimal(dir).load().listener();

    assertThat(listener.limits()).isEqualTo(new ListenerConfig.Limits(8 * 1024, 4 * 1024, 1024,
        Duration.ofSeconds(30), new ListenerConfig.RateLimit(true, 10, Duration.ofSeconds(1), 20)));
    assertThat(ConfigFixture.minimal(dir).load().fetch().allowList()).isEmpty();
    assertThat(ConfigFixture.minimal(dir).load().crypto()).isEqualTo(CryptoConfig.DEFAULT);
  }

  @Test
  void acceptsLimitsAndARateLimitWhoseBurstDefaultsToItsRate() {
    GatewayConfig config = ConfigFixture.minimal(dir)
        .with("listener.max-header-size", "16KiB")
        .with("listener.max-initial-line-length", "2KiB")
        .with("listener.max-connections", "5000")
        .with("listener.request-timeout", "45s")
        .with("listener.rate-limit.requests", "120")
        .with("listener.rate-limit.per", "1m")
        .load();

    assertThat(config.listener().limits()).isEqualTo(new ListenerConfig.Limits(16 * 1024, 2 * 1024, 5000,
        Duration.ofSeconds(45), new ListenerConfig.RateLimit(true, 120, Duration.ofMinutes(1), 120)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '\'', textBlock = """
      10.0.0.0/33 => must be a CIDR range with a prefix length between 0 and 32, got "10.0.0.0/33"
      10.0.0.1/8 => must be a CIDR range whose address has no bits set beyond its prefix (did you mean 10.0.0.0/8?), got "10.0.0.1/8"
      0.0.0.0/0 => must be a host name (jwks.internal.example), a wildcard host (*.internal.example), an IP address or a CIDR range (10.20.0.0/16, fd00::/8); a /0 range would allow every address, got "0.0.0.0/0"
      * => must be a host name (jwks.internal.example), a wildcard host (*.internal.example), an IP address or a CIDR range (10.20.0.0/16, fd00::/8); "*" alone would allow every host, got "*"
      http://x => must be a host name (jwks.internal.example), a wildcard host (*.internal.example), an IP address or a CIDR range (10.20.0.0/16, fd00::/8), got "http://x"
      999.1.1.1 => must be a host name (jwks.internal.example), a wildcard host (*.internal.example), an IP address or a CIDR range (10.20.0.0/16, fd00::/8), got "999.1.1.1"
      """)
  void rejectsFetchAllowListEntriesThatAreNeitherHostsNorRanges(String entry, String message) {
    assertThat(ConfigFixture.minimal(dir).with("fetch.allow-list", List.of(entry)).problems())
        .containsExactly(new ConfigProblem("fetch.allow-list[0]", message));
  }

  @Test
  void readsFetchAllowListHostsWildcardsAddressesAndRanges() {
    GatewayConfig config = ConfigFixture.minimal(dir)
        .with("fetch.allow-list", List.of("JWKS.Internal.example", "*.corp.example", "127.0.0.1", "10.20.0.0/16",
            "fd00::/8"))
        .load();

    assertThat(config.fetch().allowList()).extracting(Object::toString).containsExactly(
        "HostPattern[pattern=jwks.internal.example]", "HostPattern[pattern=*.corp.example]", "127.0.0.1",
        "10.20.0.0/16", "fd00::/8");
    assertThat(((FetchConfig.AddressRange) config.fetch().allowList().get(2)).prefixLength()).isEqualTo(32);
  }

  @Test
  void baseUrlLosesItsTrailingSlashAndKeepsItsPath() {
    GatewayConfig config = ConfigFixture.minimal(dir).with("upstream.base-url", "HTTPS://is.example:8443/auth/").load();

    assertThat(config.upstream().baseUrl()).isEqualTo(URI.create("https://is.example:8443/auth"));
  }

  @Test
  void valueWhereAMappingBelongsIsAProblem() {
    assertThat(ConfigFixture.minimal(dir).with("admin", "on").problems())
        .containsExactly(new ConfigProblem("admin", "must be a mapping of keys, got \"on\""));
  }

  @Test
  void listWhereAValueBelongsIsAProblem() {
    assertThat(ConfigFixture.minimal(dir).with("listener.port", List.of(1, 2)).problems())
        .containsExactly(new ConfigProblem("listener.port", "must be a single value, got a list"));
  }

  @Test
  void valueWhereAListBelongsIsAProblem() {
    assertThat(ConfigFixture.minimal(dir).with("listener.tls.protocols", "TLSv1.3").problems())
        .containsExactly(new ConfigProblem("listener.tls.protocols",
            "must be a list (\"- item\" lines or [a, b]), got \"TLSv1.3\""));
  }

  @Test
  void trustDomainsMustNotBeEmpty() {
    assertThat(ConfigFixture.minimal(dir).with("trust.domains", List.of()).problems())
        .containsExactly(new ConfigProblem("trust.domains", "must list at least one trust domain"));
  }

  @Test
  void trustDomainNamesAreUnique() {
    ConfigFixture fixture = ConfigFixture.minimal(dir);
    fixture.with("trust.domains", List.of(
        Map.of("name", "dev", "anchors", List.of("anchors.pem")),
        Map.of("name", "dev", "anchors", List.of("anchors.pem"))));

    assertThat(fixture.problems()).containsExactly(new ConfigProblem("trust.domains[1].name",
        "\"dev\" is already given at trust.domains[0].name; domain names must be unique"));
  }

  @Test
  void trustDomainNeedsAnchors() {
    assertThat(ConfigFixture.minimal(dir).with("trust.domains[0].anchors", List.of()).problems())
        .containsExactly(new ConfigProblem("trust.domains[0].anchors",
            "must list at least one PEM file of CA certificates"));
  }
}
