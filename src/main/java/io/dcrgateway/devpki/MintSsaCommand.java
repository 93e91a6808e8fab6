package io.dcrgateway.devpki;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code mint-ssa}: prints a software statement the dev directory signed for a dev PKI client, or a
 * UK registration request wrapping one, so the gateway can be tried with curl.
 */
@Command(
    name = "mint-ssa",
    mixinStandardHelpOptions = true,
    description = {
        "Print a software statement (compact JWS, PS256) signed by the dev directory key",
        "for a dev PKI client: software_id and org_id come from its certificate.",
        "With --request-jwt, print a UK registration request signed by the client's key."})
public final class MintSsaCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--pki", paramLabel = "<dir>", defaultValue = "certs",
      description = "Dev PKI directory, as written by dev-pki (default: ${DEFAULT-VALUE}).")
  private Path pki;

  @Option(names = "--client", paramLabel = "<name>", defaultValue = DevPkiLayout.OFB_TPP1_A,
      description = "Dev PKI client (default: ${DEFAULT-VALUE}).")
  private String client;

  @Option(names = "--layout", paramLabel = "ofb|uk", converter = ProfileConverter.class,
      description = "SSA claim layout: Open Finance Brasil or UK Open Banking (default: the client certificate's).")
  private SsaProfile profile;

  @Option(names = "--iss", paramLabel = "<issuer>", description = "SSA iss (default: the directory's).")
  private String issuer;

  @Option(names = "--redirect-uri", paramLabel = "<uri>",
      description = "software_redirect_uris entry; repeat for more (default: the software's two).")
  private List<String> redirectUris = List.of();

  @Option(names = "--roles", paramLabel = "<role>", split = ",",
      description = "Comma-separated software roles (default: DADOS,PAGTO or AISP,PISP).")
  private List<String> roles = List.of();

  @Option(names = "--jwks-uri", paramLabel = "<uri>",
      description = "software_jwks_uri (OFB) or software_jwks_endpoint (UK).")
  private String jwksUri;

  @Option(names = "--iat-offset", paramLabel = "<seconds>", defaultValue = "0",
      description = "Seconds added to now for iat; negative backdates, as -301 does (default: 0).")
  private long iatOffset;

  @Option(names = "--request-jwt", description = "Print a UK registration request JWT wrapping the SSA.")
  private boolean requestJwt;

  @Option(names = "--aud", paramLabel = "<as-id>",
      description = "Request JWT aud, the ASPSP's id; needs --request-jwt (default: " + RequestJwtMinter.DEFAULT_AUDIENCE + ").")
  private String audience;

  @Override
  public Integer call() {
    if (audience != null && !requestJwt) {
      throw new ParameterException(spec.commandLine(), "--aud needs --request-jwt");
    }
    PrintWriter stdout = spec.commandLine().getOut();
    try {
      DevPkiManifest manifest = manifest();
      if (!manifest.clients().containsKey(client)) {
        return fail("no client " + client + " in the dev PKI in " + pki + "; its clients: "
            + String.join(", ", DevPkiLayout.CLIENT_NAMES.stream().filter(manifest.clients()::containsKey).toList()));
      }
      String statement = softwareStatement(manifest);
      stdout.println(requestJwt ? request(manifest, statement) : statement);
      stdout.flush();
      return 0;
    } catch (MissingPkiException e) {
      return fail(e.getMessage());
    } catch (IOException | RuntimeException e) {
      return fail("cannot mint from the dev PKI in " + pki + ": " + e.getMessage());
    }
  }

  private DevPkiManifest manifest() throws IOException {
    Path file = new DevPkiLayout(pki).manifest();
    if (!Files.isRegularFile(file)) {
      throw new MissingPkiException("no dev PKI in " + pki + " (" + file + " not found); create one with: dev-pki --out " + pki);
    }
    return DevPkiManifest.read(pki);
  }

  private String softwareStatement(DevPkiManifest manifest) throws IOException {
    SoftwareStatementMinter ssa = profile == null
        ? SoftwareStatementMinter.forClient(manifest, client)
        : SoftwareStatementMinter.forClient(manifest, client, profile);
    ssa.issuedAt(Instant.now().plusSeconds(iatOffset));
    if (issuer != null) {
      ssa.issuer(issuer);
    }
    if (!redirectUris.isEmpty()) {
      ssa.redirectUris(redirectUris);
    }
    if (!roles.isEmpty()) {
      ssa.roles(roles);
    }
    if (jwksUri != null) {
      ssa.jwksUri(jwksUri);
    }
    return ssa.mint();
  }

  private String request(DevPkiManifest manifest, String statement) throws IOException {
    RequestJwtMinter request = RequestJwtMinter.forClient(manifest, client, statement);
    if (audience != null) {
      request.audience(audience);
    }
    return request.mint();
  }

  private int fail(String message) {
    PrintWriter stderr = spec.commandLine().getErr();
    stderr.println("mint-ssa: " + message);
    stderr.flush();
    return 1;
  }

  /** The PKI directory holds no manifest: the one mistake worth its own message. */
  private static final class MissingPkiException extends IOException {
    MissingPkiException(String message) {
      super(message);
    }
  }

  static final class ProfileConverter implements ITypeConverter<SsaProfile> {
    @Override
    public SsaProfile convert(String value) {
      try {
        return SsaProfile.fromId(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("expected ofb or uk, not '" + value + "'");
      }
    }
  }
}
