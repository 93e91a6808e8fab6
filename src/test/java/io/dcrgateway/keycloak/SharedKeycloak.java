package io.dcrgateway.keycloak;

import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.Assumptions;

/**
 * One Keycloak per test JVM, started on first use: a start costs 15-45 s and 500 MB, so every
 * e2e test class shares it and tells its clients apart by {@code client_id}.
 *
 * <p>Stopped by {@link KeycloakExtension} when the test engine finishes; {@link KeycloakServer}'s
 * own JVM shutdown hook is the last resort (a test JVM stopped by Ctrl-C or a fork timeout).
 *
 * <p>{@value #URL_PROPERTY} attaches to a Keycloak started elsewhere (CI starts one in the
 * background while Maven compiles) instead of starting one; it is never stopped here.
 */
public final class SharedKeycloak {

  public static final String URL_PROPERTY = "keycloak.url";
  public static final String ADMIN_USERNAME_PROPERTY = "keycloak.admin-username";
  public static final String ADMIN_PASSWORD_PROPERTY = "keycloak.admin-password";

  private static KeycloakServer server;
  private static IOException startFailure;

  private SharedKeycloak() {
  }

  /** A distribution to start, or a running Keycloak to attach to, is configured. */
  public static boolean configured() {
    return !System.getProperty(URL_PROPERTY, "").isBlank() || KeycloakServer.configuredHome().isPresent();
  }

  /**
   * The shared Keycloak, started if need be. Aborts the calling test (reported as skipped, never
   * failed) when no distribution is configured; fails it when one is configured but does not start.
   */
  public static synchronized KeycloakServer require() {
    Assumptions.assumeTrue(configured(), KeycloakServer::missingHomeMessage);
    String url = System.getProperty(URL_PROPERTY, "").trim();
    if (server != null) {
      return server;
    }
    // one failed start is enough: every later test gets the same cause at once, not another 240 s
    if (startFailure != null) {
      throw new IllegalStateException("Keycloak did not start earlier in this JVM", startFailure);
    }
    try {
      server = url.isEmpty()
          ? KeycloakServer.start(KeycloakServer.configuredHome().orElseThrow(),
              KeycloakServer.configuredRealmFile(), KeycloakServer.configuredLogDir())
          : KeycloakServer.attach(URI.create(url),
              System.getProperty(ADMIN_USERNAME_PROPERTY, "admin"),
              System.getProperty(ADMIN_PASSWORD_PROPERTY, "admin"));
      System.out.println("[keycloak] " + server + " ready in " + server.startup().toMillis() + " ms");
      return server;
    } catch (IOException e) {
      startFailure = e;
      throw new IllegalStateException("Keycloak did not start", e);
    }
  }

  /** Stops the shared Keycloak if this JVM started it; a later {@link #require()} starts a new one. */
  public static synchronized void stop() {
    if (server != null) {
      server.close();
      server = null;
    }
  }
}
