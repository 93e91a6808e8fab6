package io.dcrgateway.devstack;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * What {@code dev-stack} prints once the demo went through: the facts (one per line, label then
 * value, so scripts and tests can pick them up) and commands to paste to try more.
 *
 * @param pki the dev PKI directory
 * @param jar how to run this jar from the working directory
 */
record StackReport(
    String clientName,
    String clientId,
    String boundSubjectDn,
    String tokenThumbprint,
    String registrationClientUri,
    String registrationAccessToken,
    URI gateway,
    String registrationPath,
    String tokenPath,
    Path pki,
    String jar,
    URI keycloak,
    AdminCredentials admin) {

  static final String CLIENT_ID = "client_id";
  static final String BOUND_SUBJECT_DN = "bound subject DN";
  static final String TOKEN_THUMBPRINT = "token cnf.x5t#S256";

  private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9/._:=@%+,-]+");

  void print(PrintStream out) {
    out.println();
    out.println("Registered " + clientName + " through the gateway (mutual TLS, tls_client_auth, fresh software"
        + " statement). The subject DN is what Keycloak holds for the client (admin API, attribute "
        + KeycloakAdminApi.SUBJECT_DN_ATTRIBUTE + "); the thumbprint is from a client_credentials token requested"
        + " through " + gateway.resolve(tokenPath) + " with the same certificate, and is that certificate's:");
    fact(out, CLIENT_ID, clientId);
    fact(out, BOUND_SUBJECT_DN, boundSubjectDn);
    fact(out, TOKEN_THUMBPRINT, tokenThumbprint);
    out.println();
    out.println("Try more (from this directory):");
    String tls = "--cacert " + file(pki.resolve("ca/server-ca.pem"));
    String client = tls + " --cert " + file(pki.resolve("clients/" + clientName + "-chain.pem"))
        + " --key " + file(pki.resolve("clients/" + clientName + ".key"));
    out.println("  # read the client back (RFC 7592) with its registration access token");
    out.println("  RAT='" + registrationAccessToken + "'");
    out.println("  curl " + client + " -H \"Authorization: Bearer $RAT\" " + registrationClientUri);
    out.println("  # another certificate-bound token");
    out.println("  curl " + client + " -d grant_type=client_credentials -d client_id=" + clientId + " "
        + gateway.resolve(tokenPath));
    out.println("  # the forged certificate (subject, issuer and serial of " + clientName + ", rogue CA):"
        + " 401 invalid_client, while Keycloak alone would accept it");
    out.println("  curl " + tls + " --cert " + file(pki.resolve("clients/forged-chain.pem"))
        + " --key " + file(pki.resolve("clients/forged.key"))
        + " -H 'Content-Type: application/json' -d '{}' " + gateway.resolve(registrationPath));
    out.println("  # a fresh software statement (valid 5 minutes) for another registration, as in README.md");
    out.println("  SSA=$(" + jar + " mint-ssa --pki " + file(pki) + " --client " + clientName + ")");
    out.println();
    out.println("Keycloak admin console: " + keycloak.resolve("/admin/") + " (user " + admin.username()
        + ", password " + admin.password() + ")");
    out.println("Press Ctrl-C to stop the gateway and Keycloak.");
    out.flush();
  }

  private static void fact(PrintStream out, String label, String value) {
    out.println(String.format("  %-20s%s", label, value));
  }

  /** Relative to the working directory when under it, quoted for a POSIX shell when needed. */
  static String file(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path here = Path.of("").toAbsolutePath();
    String shown = absolute.startsWith(here) && !absolute.equals(here)
        ? here.relativize(absolute).toString() : absolute.toString();
    return SHELL_SAFE.matcher(shown).matches() ? shown : "'" + shown.replace("'", "'\\''") + "'";
  }
}
