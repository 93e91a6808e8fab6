package io.dcrgateway.devpki;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.dcrgateway.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MintSsaCommandTest {

  @TempDir
  static Path dir;

  private static DevPkiManifest manifest;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void generate() throws Exception {
    manifest = DevPki.generate(dir, DevPkiOptions.defaults());
  }

  private int run(String... args) {
    CommandLine command = new CommandLine(new MintSsaCommand());
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    return command.execute(args);
  }

  /** Exactly one line on stdout: the token. */
  private String token() {
    assertThat(out.toString()).endsWith(System.lineSeparator());
    String token = out.toString().strip();
    assertThat(token).doesNotContain("\n", " ");
    return token;
  }

  @Test
  void printsAStatementTheDirectoryJwksVerifiesForTheNamedClient() throws Exception {
    int exit = run("--pki", dir.toString(), "--client", "ofb-tpp2");

    assertThat(exit).isZero();
    assertThat(err.toString()).isEmpty();
    JWTClaimsSet claims = JwsVerification.verifyPs256(token(), manifest.directory().jwks());
    assertThat(claims.getStringClaim("software_id")).isEqualTo(manifest.client("ofb-tpp2").softwareId());
    assertThat(claims.getStringClaim("org_id")).isEqualTo(manifest.client("ofb-tpp2").orgId());
    assertThat(claims.getIssuer()).isEqualTo(SoftwareStatementMinter.OFB_SANDBOX_ISSUER);
  }

  @Test
  void optionsSetIssuerRedirectUrisRolesJwksUriAndBackdateIat() throws Exception {
    long now = Instant.now().getEpochSecond();

    int exit = run("--pki", dir.toString(), "--client", "ofb-tpp1-a", "--iss", "Other issuer",
        "--redirect-uri", "https://a.test/cb", "--redirect-uri", "https://b.test/cb?x=1",
        "--roles", "DADOS", "--jwks-uri", "https://keys.test/app.jwks", "--iat-offset", "-301");

    assertThat(exit).as(err.toString()).isZero();
    JWTClaimsSet claims = JwsVerification.verifyPs256(token(), manifest.directory().jwks());
    assertThat(claims.getIssuer()).isEqualTo("Other issuer");
    assertThat(claims.getStringListClaim("software_redirect_uris")).containsExactly("https://a.test/cb", "https://b.test/cb?x=1");
    assertThat(claims.getStringListClaim("software_roles")).containsExactly("DADOS");
    assertThat(claims.getListClaim("software_statement_roles"))
        .containsExactly(Map.of("role", "DADOS", "authorisation_domain", "Open Banking", "status", "Active"));
    assertThat(claims.getStringClaim("software_jwks_uri")).isEqualTo("https://keys.test/app.jwks");
    assertThat(claims.getIssueTime().toInstant().getEpochSecond()).isBetween(now - 302, now - 299);
  }

  @Test
  void layoutDefaultsToTheCertificatesAndCanBeForced() throws Exception {
    assertThat(run("--pki", dir.toString(), "--client", "uk-tpp")).isZero();
    assertThat(SignedJWT.parse(token()).getJWTClaimsSet().getIssuer()).isEqualTo("OpenBanking Ltd");

    out.getBuffer().setLength(0);
    assertThat(run("--pki", dir.toString(), "--client", "uk-tpp", "--layout", "ofb", "--roles", "PAGTO")).isZero();
    JWTClaimsSet claims = SignedJWT.parse(token()).getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo(SoftwareStatementMinter.OFB_SANDBOX_ISSUER);
    assertThat(claims.getStringListClaim("software_roles")).containsExactly("PAGTO");
  }

  @Test
  void requestJwtWrapsAFreshStatementAndVerifiesAgainstTheClientsJwks() throws Exception {
    int exit = run("--pki", dir.toString(), "--client", "uk-tpp", "--request-jwt", "--aud", "aspsp01");

    assertThat(exit).as(err.toString()).isZero();
    String request = token();
    JWTClaimsSet claims = JwsVerification.verifyPs256(request, new DevPkiLayout(dir).clientJwks("uk-tpp"));
    assertThat(SignedJWT.parse(request).getHeader().getKeyID()).isEqualTo(manifest.client("uk-tpp").signingKey().kid());
    assertThat(claims.getAudience()).containsExactly("aspsp01");
    assertThat(claims.getIssuer()).isEqualTo(manifest.client("uk-tpp").softwareId());
    JWTClaimsSet ssa = JwsVerification.verifyPs256(claims.getStringClaim("software_statement"), manifest.directory().jwks());
    assertThat(ssa.getIssuer()).isEqualTo("OpenBanking Ltd");
    assertThat(SignedJWT.parse(claims.getStringClaim("software_statement")).getHeader().getAlgorithm())
        .isEqualTo(JWSAlgorithm.PS256);
  }

  @Test
  void unknownClientFailsWithOneLineNamingItAndTheKnownClients() {
    int exit = run("--pki", dir.toString(), "--client", "nobody");

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).startsWith("mint-ssa: no client nobody in the dev PKI in " + dir)
        .contains("ofb-tpp1-a, ofb-tpp1-b").endsWith(System.lineSeparator());
    assertThat(err.toString().strip()).doesNotContain("\n");
  }

  @Test
  void missingPkiFailsWithOneLineSayingHowToCreateIt(@TempDir Path empty) {
    int exit = run("--pki", empty.resolve("certs").toString());

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).isEqualTo("mint-ssa: no dev PKI in " + empty.resolve("certs") + " ("
        + empty.resolve("certs/dev-pki.json") + " not found); create one with: dev-pki --out " + empty.resolve("certs")
        + System.lineSeparator());
  }

  @Test
  void unknownLayoutAndAudWithoutRequestJwtAreUsageErrors() {
    assertThat(run("--pki", dir.toString(), "--layout", "fr")).isEqualTo(2);
    assertThat(err.toString()).contains("expected ofb or uk, not 'fr'");
    assertThat(run("--pki", dir.toString(), "--aud", "aspsp01")).isEqualTo(2);
    assertThat(err.toString()).contains("--aud needs --request-jwt");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void mainRegistersTheCommand() {
    assertThat(Main.commandLine().getSubcommands()).containsKey("mint-ssa");
    assertThat(Main.commandLine("mint-ssa", "--help").getSubcommands()).containsOnlyKeys("mint-ssa");
  }
}
