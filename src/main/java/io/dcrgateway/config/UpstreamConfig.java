package io.dcrgateway.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The identity server the gateway forwards compliant requests to.
 *
 * @param baseUrl absolute http or https URL without query, fragment, credentials or trailing
 *     {@code /}; the registration endpoint is {@code baseUrl + registrationPath}
 * @param registrationPath starts with {@code /}, never ends with one; management requests go to
 *     {@code <registrationPath>/{client_id}}
 * @param tls always present; {@link UpstreamTls#DEFAULT} when the config has no upstream.tls
 * @param keepAliveTimeout whole seconds: how long a pooled connection may sit idle before the
 *     gateway closes it. Shorter than the identity server's own idle timeout, or the server may
 *     close a connection just as a registration is sent on it: a 502, since a POST is not retried
 */
public record UpstreamConfig(
    URI baseUrl,
    String registrationPath,
    UpstreamTls tls,
    Duration connectTimeout,
    Duration responseTimeout,
    int poolSize,
    Duration keepAliveTimeout,
    IdentityServer identityServer,
    List<PassThroughRoute> passThrough) {

  /** With the default keep-alive timeout. */
  public UpstreamConfig(URI baseUrl, String registrationPath, UpstreamTls tls, Duration connectTimeout,
      Duration responseTimeout, int poolSize, IdentityServer identityServer, List<PassThroughRoute> passThrough) {
    this(baseUrl, registrationPath, tls, connectTimeout, responseTimeout, poolSize, DEFAULT_KEEP_ALIVE_TIMEOUT,
        identityServer, passThrough);
  }

  /**
   * What the identity server behind accepts, by kind (an upstream profile).
   *
   * @param kind {@code keycloak}, {@code curity} or {@code generic}
   * @param removeFields metadata fields taken out of the forwarded JSON because the server
   *     rejects them (Keycloak refuses {@code software_statement} with 400); they are put back
   *     in the answer when {@code completeResponse}
   * @param completeResponse RFC 7591 §3.2.1: the registration response echoes the software
   *     statement unmodified and the metadata taken from it; the gateway adds what the identity
   *     server left out
   * @param clientAddressOnRegistration send the TPP's address as {@code X-Forwarded-For} on
   *     registration and management calls; off for Keycloak, whose Trusted Hosts registration
   *     policy judges the forwarded address and must only ever see the gateway
   */
  public record IdentityServer(String kind, List<String> removeFields, boolean completeResponse,
      boolean clientAddressOnRegistration) {

    public static final List<String> KINDS = List.of("keycloak", "curity", "generic");
    public static final IdentityServer GENERIC = new IdentityServer("generic", List.of(), true, true);

    /**
     * Fields Keycloak 26 refuses with 400 "Unrecognized field" (measured: conf/keycloak/README.md);
     * it silently drops software_id and software_version, which completion puts back.
     */
    static final List<String> KEYCLOAK_REJECTS = List.of("software_statement", "software_id", "software_version",
        "webhook_uris", "org_id", "organisation_id", "software_roles", "software_statement_uri",
        "require_signed_request_object", "introspection_signed_response_alg",
        "introspection_encrypted_response_alg", "backchannel_user_code_parameter");

    public IdentityServer {
      removeFields = List.copyOf(removeFields);
    }

    /** The defaults of a kind: what is known to be rejected by that server. */
    public static IdentityServer of(String kind) {
      return switch (kind) {
        case "keycloak" -> new IdentityServer(kind, KEYCLOAK_REJECTS, true, false);
        default -> new IdentityServer(kind, List.of(), true, true);
      };
    }
  }

  /**
   * An identity server endpoint served through the gateway's mTLS edge with certificate
   * verification and certificate headers only, no registration rules: the token endpoint, PAR,
   * introspection... so that certificate-bound tokens see the same verified certificate.
   *
   * @param path the public path on the gateway
   * @param upstreamPath the identity server's path
   * @param methods HTTP methods served (upper case)
   */
  public record PassThroughRoute(String path, String upstreamPath, List<String> methods) {

    public PassThroughRoute {
      methods = List.copyOf(methods);
    }
  }

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
  public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(10);
  public static final int DEFAULT_POOL_SIZE = 32;
  /**
   * Below the shortest idle timeouts common in front of identity servers (Apache httpd and
   * Node.js: 5 s; nginx 60-75 s; load balancers 60 s): the gateway, not the server, ends an idle
   * connection. Reconnecting after a quiet spell costs one connect; a race costs a TPP a 502.
   */
  public static final Duration DEFAULT_KEEP_ALIVE_TIMEOUT = Duration.ofSeconds(4);

  /**
   * @param trustAnchors CA certificates for the IS's server certificate; empty means the JVM's
   *     default trust store
   * @param clientCertificate optional certificate (+ key) for gateway-to-IS mutual TLS
   */
  public record UpstreamTls(
      List<Path> trustAnchors,
      Optional<ClientCertificate> clientCertificate,
      boolean verifyHost) {

    /** JVM default trust, no client certificate, host name verified. */
    public static final UpstreamTls DEFAULT = new UpstreamTls(List.of(), Optional.empty(), true);

    public UpstreamTls {
      trustAnchors = List.copyOf(trustAnchors);
    }
  }

  public record ClientCertificate(Path certificate, Path key) {
  }
}
