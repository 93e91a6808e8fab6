package io.dcrgateway.devstack;

import io.dcrgateway.audit.AuditLog;
import io.dcrgateway.config.GatewayConfig;
import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.devpki.DevPkiManifest;
import io.dcrgateway.server.GatewayServer;
import io.dcrgateway.server.Preflight;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The steps of {@code dev-stack} in order, each failing with one line: check what can be checked
 * before anything starts, start the gateway (a port clash shows in a second, not after Keycloak's
 * 30 s), start Keycloak and wait for its realm, then register and fetch a token through the gateway.
 */
final class StackStartup {

  static final String CLIENT = DevPkiLayout.OFB_TPP1_A;

  private final Path config;
  private final Path keycloakHome;
  private final int keycloakPort;
  private final Path realmFile;
  private final Path keycloakLog;
  private final PrintStream out;

  /** @param realmFile null: {@code keycloak/dcr-realm.json} beside the config, as in the repository */
  StackStartup(Path config, Path keycloakHome, int keycloakPort, Path realmFile, Path keycloakLog, PrintStream out) {
    this.config = config;
    this.keycloakHome = keycloakHome;
    this.keycloakPort = keycloakPort;
    this.realmFile = realmFile;
    this.keycloakLog = keycloakLog;
    this.out = out;
  }

  /** Gateway, then Keycloak, then the demo; everything started is in {@code stack} as soon as it runs. */
  StackReport bringUp(GatewayConfig gatewayConfig, Preflight preflight, RunningStack stack)
      throws DevStackException, InterruptedException {
    KeycloakDistribution distribution = KeycloakDistribution.at(keycloakHome);
    KeycloakUpstream upstream = KeycloakUpstream.of(gatewayConfig.upstream(), keycloakPort);
    Path realm = realmFile != null ? realmFile
        : config.toAbsolutePath().getParent().resolve("keycloak").resolve("dcr-realm.json");
    if (!Files.isRegularFile(realm)) {
      throw new DevStackException("realm file " + realm + " not found (pass --realm-file)");
    }
    Path pki = gatewayConfig.dev().orElseThrow().generatePki();
    DevPkiManifest manifest = manifest(pki);

    Vertx vertx = Vertx.vertx();
    stack.started(vertx);
    GatewayServer gateway = startGateway(vertx, gatewayConfig, preflight);
    stack.started(gateway);
    URI gatewayUri = URI.create("https://" + loopbackFor(gatewayConfig.listener().host()) + ":" + gateway.port());
    out.println("dev-stack: gateway listening on " + gatewayUri + gatewayConfig.listener().registrationPath()
        + (gateway.adminPort() > 0
            ? ", admin on http://" + gatewayConfig.admin().host() + ":" + gateway.adminPort() : "")
        + ", forwarding to " + gatewayConfig.upstream().baseUrl());

    AdminCredentials admin = AdminCredentials.generate();
    KeycloakProcess keycloak = KeycloakProcess.start(distribution, realm, keycloakPort, keycloakLog, admin);
    stack.started(keycloak);
    out.print("dev-stack: starting Keycloak on " + keycloak.baseUri() + " from " + StackReport.file(keycloakHome)
        + " (log " + StackReport.file(keycloakLog) + "; 15-45 s) ");
    out.flush();
    Duration startup;
    try {
      startup = KeycloakReadiness.await(keycloak, out, stack::isClosing);
    } finally {
      out.println();
    }
    out.println("dev-stack: Keycloak ready in " + startup.toSeconds() + " s");

    out.println("dev-stack: registering " + CLIENT + " through the gateway with a fresh software statement");
    DemoRegistration demo = new DemoRegistration(manifest, CLIENT, gatewayUri);
    DemoRegistration.Registered registered = demo.register(gatewayConfig.listener().registrationPath());
    String boundDn = new KeycloakAdminApi(keycloak.baseUri(), admin).boundSubjectDn(registered.clientId());
    String tokenThumbprint = demo.certificateBoundToken(upstream.tokenPath(), registered.clientId());
    String certificateThumbprint = DemoRegistration.thumbprint(demo.certificate());
    if (!certificateThumbprint.equals(tokenThumbprint)) {
      throw new DevStackException("the token is bound to x5t#S256 " + tokenThumbprint + ", not to " + CLIENT
          + "'s certificate (" + certificateThumbprint + ")");
    }
    return new StackReport(CLIENT, registered.clientId(), boundDn, tokenThumbprint,
        registered.registrationClientUri(), registered.registrationAccessToken(), gatewayUri,
        gatewayConfig.listener().registrationPath(), upstream.tokenPath(), pki, jarCommand(),
        keycloak.baseUri(), admin);
  }

  private static GatewayServer startGateway(Vertx vertx, GatewayConfig gatewayConfig, Preflight preflight)
      throws DevStackException {
    try {
      return GatewayServer.start(vertx, gatewayConfig, preflight, AuditLog.toLogger()).await(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new DevStackException("cannot start the gateway: " + e.getMessage(), e);
    }
  }

  private static DevPkiManifest manifest(Path pki) throws DevStackException {
    try {
      return DevPkiManifest.read(pki);
    } catch (IOException | RuntimeException e) {
      throw new DevStackException("cannot read the dev PKI manifest in " + pki + ": " + e.getMessage(), e);
    }
  }

  /** The listener's wildcard address is not one to connect to; its certificate names 127.0.0.1. */
  private static String loopbackFor(String host) {
    return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") ? "127.0.0.1" : host;
  }

  /** How to run this jar again from the working directory, for the printed commands. */
  private static String jarCommand() {
    try {
      Path location = Path.of(DevStackCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (location.toString().endsWith(".jar")) {
        return "java -jar " + StackReport.file(location);
      }
    } catch (Exception notAJar) {
      // classes directory (tests, IDE): the README's jar is the best guess
    }
    return "java -jar target/dcr-gateway.jar";
  }
}
