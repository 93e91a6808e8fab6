package io.dcrgateway.config;

import static io.dcrgateway.config.UpstreamConfig.DEFAULT_CONNECT_TIMEOUT;
import static io.dcrgateway.config.UpstreamConfig.DEFAULT_KEEP_ALIVE_TIMEOUT;
import static io.dcrgateway.config.UpstreamConfig.DEFAULT_POOL_SIZE;
import static io.dcrgateway.config.UpstreamConfig.DEFAULT_RESPONSE_TIMEOUT;

import io.dcrgateway.config.UpstreamConfig.ClientCertificate;
import io.dcrgateway.config.UpstreamConfig.IdentityServer;
import io.dcrgateway.config.UpstreamConfig.PassThroughRoute;
import io.dcrgateway.config.UpstreamConfig.UpstreamTls;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code upstream:}, the identity server behind the gateway. */
final class UpstreamReader {

  static final Duration MIN_CONNECT_TIMEOUT = Duration.ofMillis(100);
  static final Duration MAX_CONNECT_TIMEOUT = Duration.ofMinutes(5);
  static final Duration MIN_RESPONSE_TIMEOUT = Duration.ofSeconds(1);
  static final Duration MAX_RESPONSE_TIMEOUT = Duration.ofMinutes(10);
  static final Duration MIN_KEEP_ALIVE_TIMEOUT = Duration.ofSeconds(1);
  static final Duration MAX_KEEP_ALIVE_TIMEOUT = Duration.ofHours(1);
  private static final String ABSOLUTE_URL = "an absolute http or https URL";

  private UpstreamReader() {
  }

  static UpstreamConfig read(Section upstream) {
    upstream.keys("base-url", "registration-path", "connect-timeout", "response-timeout", "pool-size",
        "keep-alive-timeout", "tls", "kind", "remove-fields", "complete-response", "pass-through");
    URI baseUrl = upstream.required("base-url", "the identity server's URL, e.g. http://127.0.0.1:8080")
        ? upstream.scalar("base-url").flatMap(UpstreamReader::baseUrl).orElse(null)
        : null;
    String registrationPath = upstream.required("registration-path",
            "the identity server's registration endpoint path, e.g. /realms/dcr/clients-registrations/openid-connect")
        ? upstream.scalar("registration-path").flatMap(RequestPath::read).orElse(null)
        : null;
    UpstreamTls tls = upstream.section("tls").map(UpstreamReader::tls).orElse(UpstreamTls.DEFAULT);
    if (upstream.has("tls") && baseUrl != null && baseUrl.getScheme().equals("http")) {
      // Trust anchors and a client certificate that are silently unused suggest TLS where there is none.
      upstream.context().problem(upstream.keyOf("tls"),
          "only applies to an https base-url, but upstream.base-url is " + baseUrl);
    }
    return new UpstreamConfig(
        baseUrl,
        registrationPath,
        tls,
        upstream.scalar("connect-timeout")
            .flatMap(timeout -> timeout.asDuration(MIN_CONNECT_TIMEOUT, MAX_CONNECT_TIMEOUT))
            .orElse(DEFAULT_CONNECT_TIMEOUT),
        upstream.scalar("response-timeout")
            .flatMap(timeout -> timeout.asDuration(MIN_RESPONSE_TIMEOUT, MAX_RESPONSE_TIMEOUT))
            .orElse(DEFAULT_RESPONSE_TIMEOUT),
        upstream.scalar("pool-size").flatMap(size -> size.asInt(1, 1024)).orElse(DEFAULT_POOL_SIZE),
        upstream.scalar("keep-alive-timeout").flatMap(UpstreamReader::keepAliveTimeout).orElse(DEFAULT_KEEP_ALIVE_TIMEOUT),
        identityServer(upstream),
        passThrough(upstream));
  }

  /** Vert.x's HTTP client counts keep-alive in whole seconds. */
  private static Optional<Duration> keepAliveTimeout(Scalar timeout) {
    return timeout.asDuration(MIN_KEEP_ALIVE_TIMEOUT, MAX_KEEP_ALIVE_TIMEOUT).flatMap(duration -> {
      if (duration.toMillis() % 1000 != 0) {
        timeout.reject("whole seconds between 1s and 1h (the HTTP client counts seconds)");
        return Optional.empty();
      }
      return Optional.of(duration);
    });
  }

  /** The kind gives the defaults; remove-fields and complete-response override them. */
  private static IdentityServer identityServer(Section upstream) {
    String kind = upstream.scalar("kind")
        .flatMap(value -> value.matching(IdentityServer.KINDS::contains, "one of " + String.join(", ", IdentityServer.KINDS)))
        .orElse("generic");
    IdentityServer defaults = IdentityServer.of(kind);
    List<String> removeFields = upstream.scalars("remove-fields")
        .map(values -> values.stream().map(Scalar::text).toList())
        .orElse(defaults.removeFields());
    boolean complete = upstream.scalar("complete-response").flatMap(Scalar::asBoolean)
        .orElse(defaults.completeResponse());
    return new IdentityServer(kind, removeFields, complete, defaults.clientAddressOnRegistration());
  }

  /** The router reads ':' as a path parameter and '*' as a wildcard: routes are exact paths. */
  private static boolean literal(Section entry, String path) {
    if (path.contains(":") || path.contains("*")) {
      entry.context().problem(entry.keyOf("path"), "must be an exact path without ':' or '*', got " + path);
      return false;
    }
    return true;
  }

  private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");

  private static List<PassThroughRoute> passThrough(Section upstream) {
    List<PassThroughRoute> routes = new ArrayList<>();
    DuplicateCheck paths = new DuplicateCheck("; each public path is routed once");
    upstream.sections("pass-through").ifPresent(entries -> entries.forEach(entry -> {
      entry.keys("path", "upstream-path", "methods");
      String path = entry.required("path", "the public path on the gateway, e.g. /token")
          ? entry.scalar("path").flatMap(RequestPath::read)
              .filter(p -> literal(entry, p))
              .filter(p -> paths.isFirst(entry.context(), entry.keyOf("path"), p, p)).orElse(null)
          : null;
      String upstreamPath = entry.required("upstream-path",
              "the identity server's path, e.g. /realms/dcr/protocol/openid-connect/token")
          ? entry.scalar("upstream-path").flatMap(RequestPath::read).orElse(null)
          : null;
      List<String> methods = new ArrayList<>();
      entry.scalars("methods").ifPresentOrElse(values -> values.forEach(value -> value
              .matching(m -> METHODS.contains(m.toUpperCase(Locale.ROOT)), "one of " + String.join(", ", METHODS))
              .ifPresent(m -> methods.add(m.toUpperCase(Locale.ROOT)))),
          () -> methods.add("POST"));
      routes.add(new PassThroughRoute(path, upstreamPath, methods));
    }));
    return routes;
  }

  /** Lower-cases the scheme and drops trailing slashes, so base + path never has "//". */
  private static Optional<URI> baseUrl(Scalar value) {
    URI uri;
    try {
      uri = new URI(value.text());
    } catch (URISyntaxException e) {
      value.reject(ABSOLUTE_URL);
      return Optional.empty();
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.isOpaque() || uri.getHost() == null) {
      value.reject(ABSOLUTE_URL);
      return Optional.empty();
    }
    if (uri.getRawUserInfo() != null) {
      // The value is not echoed: it holds a password.
      value.problem("must not contain credentials (user:password@); the gateway does not log in to the identity server");
      return Optional.empty();
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      value.reject(ABSOLUTE_URL + " without query (?) or fragment (#)");
      return Optional.empty();
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
    return Optional.of(URI.create(scheme + "://" + uri.getRawAuthority() + path));
  }

  private static UpstreamTls tls(Section tls) {
    tls.keys("trust-anchors", "verify-host", "client-certificate");
    return new UpstreamTls(
        tls.files("trust-anchors"),
        tls.section("client-certificate").map(UpstreamReader::clientCertificate),
        tls.scalar("verify-host").flatMap(Scalar::asBoolean).orElse(UpstreamTls.DEFAULT.verifyHost()));
  }

  private static ClientCertificate clientCertificate(Section client) {
    client.keys("certificate", "key");
    return new ClientCertificate(
        client.requiredFile("certificate", "PEM file with the gateway's client certificate"),
        client.requiredFile("key", "PEM file with its PKCS#8 private key"));
  }
}
