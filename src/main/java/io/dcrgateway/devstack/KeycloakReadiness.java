package io.dcrgateway.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Waits for Keycloak's realm to answer, printing a dot a second: a first start on a fresh
 * distribution (Quarkus augmentation) takes 30-45 s, later ones about 20 s.
 */
final class KeycloakReadiness {

  static final Duration DEADLINE = Duration.ofSeconds(300);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
  private static final Duration DOT_INTERVAL = Duration.ofSeconds(1);

  private KeycloakReadiness() {
  }

  /**
   * Polls the realm's discovery document, which answers only once the realm import has finished.
   *
   * @param abandoned true once Ctrl-C has begun stopping everything: waiting on is pointless
   * @return how long it took
   */
  static Duration await(KeycloakProcess keycloak, PrintStream progress, BooleanSupplier abandoned)
      throws DevStackException, InterruptedException {
    URI wellKnown = keycloak.baseUri()
        .resolve("/realms/" + KeycloakProcess.REALM + "/.well-known/openid-configuration");
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest probe = HttpRequest.newBuilder(wellKnown).timeout(Duration.ofSeconds(5)).GET().build();
    Instant begin = Instant.now();
    Instant deadline = begin.plus(DEADLINE);
    Instant nextDot = begin.plus(DOT_INTERVAL);
    String last = "no answer";
    while (Instant.now().isBefore(deadline)) {
      if (abandoned.getAsBoolean()) {
        throw new DevStackException("stopped while Keycloak was starting");
      }
      if (!keycloak.process().isAlive()) {
        throw new DevStackException("Keycloak exited with status " + keycloak.process().exitValue()
            + " before it was ready; see " + keycloak.log());
      }
      try {
        HttpResponse<Void> response = client.send(probe, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return Duration.between(begin, Instant.now());
        }
        last = "status " + response.statusCode();
      } catch (IOException notListeningYet) {
        last = notListeningYet.toString();
      }
      if (Instant.now().isAfter(nextDot)) {
        progress.print('.');
        progress.flush();
        nextDot = nextDot.plus(DOT_INTERVAL);
      }
      Thread.sleep(POLL_INTERVAL.toMillis());
    }
    throw new DevStackException("Keycloak not ready at " + wellKnown + " within " + DEADLINE.toSeconds()
        + " s (last: " + last + "); see " + keycloak.log());
  }
}
