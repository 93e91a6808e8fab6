package io.dcrgateway.hostile;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.devpki.DevPkiManifest;
import io.dcrgateway.devpki.RequestJwtMinter;
import io.dcrgateway.devpki.SoftwareStatementMinter;
import io.dcrgateway.testkit.SharedDevPki;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Turns one fuzzer input into one registration through {@link RegistrationStages}. The first
 * byte picks what the rest is, so a seed file reads as what it attacks:
 * <ul>
 *   <li>{@code j}: an {@code application/json} body for the Open Finance Brasil profile;</li>
 *   <li>{@code o}: an {@code application/jose} body for the UK profile;</li>
 *   <li>{@code t}: one Content-Type line, a newline, then the body (OFB profile);</li>
 *   <li>{@code s}: the payload of a software statement the directory really signs, sent in an
 *       otherwise genuine OFB registration: the fuzzer gets past the signature to the claims and
 *       the rules that read them;</li>
 *   <li>{@code u}: the payload of a UK request JWT the TPP really signs;</li>
 *   <li>anything else: the whole input as an {@code application/json} body.</li>
 * </ul>
 * For {@code s} and {@code u}, a rest starting with {@code +} is a JSON object merged over the
 * genuine claims ({@code null} removes one). Signed tokens cannot live in a corpus (the dev PKI
 * is generated per run), so placeholders are replaced with fresh ones: {@code @SSA@} (OFB
 * statement), {@code @UKSSA@}, {@code @UKJWT@} (a valid UK request JWT), {@code @NOW@},
 * {@code @EXP@}, {@code @UUID@}, {@code @SOFTWARE_ID@}.
 */
final class FuzzedRegistration {

  /** Statements are accepted for 300 s (OFB DCR 7.1-3): a long fuzzing run mints new ones. */
  private static final Duration TOKEN_REFRESH = Duration.ofSeconds(60);

  private final RegistrationStages stages;
  private final DevPkiManifest manifest;
  private final RSAKey directoryKey;
  private final RSAKey tppKey;
  private Tokens tokens;

  private FuzzedRegistration(RegistrationStages stages, DevPkiManifest manifest, RSAKey directoryKey, RSAKey tppKey) {
    this.stages = stages;
    this.manifest = manifest;
    this.directoryKey = directoryKey;
    this.tppKey = tppKey;
  }

  static FuzzedRegistration create() throws Exception {
    DevPkiLayout pki = SharedDevPki.layout();
    return new FuzzedRegistration(RegistrationStages.create(), DevPkiManifest.read(pki.root()),
        RSAKey.parse(Files.readString(pki.directorySigningKey())),
        RSAKey.parse(Files.readString(pki.clientSigningKey(DevPkiLayout.UK_TPP))));
  }

  /** Runs the stages; the returned future is already complete (no I/O in {@link RegistrationStages}). */
  Future<Buffer> run(byte[] input) throws Exception {
    Tokens t = tokens();
    if (input.length == 0) {
      return stages.openFinance(Optional.of("application/json"), input);
    }
    byte[] rest = Arrays.copyOfRange(input, 1, input.length);
    return switch (input[0]) {
      case 'j' -> stages.openFinance(Optional.of("application/json"), t.substitute(rest));
      case 'o' -> stages.ukOpenBanking(Optional.of("application/jose"), t.substitute(rest));
      case 't' -> withContentType(t.substitute(rest));
      case 's' -> stages.openFinance(Optional.of("application/json"),
          t.ofbRequest(sign(directoryKey, payload(rest, t.ofbClaims, t))).toBuffer().getBytes());
      case 'u' -> stages.ukOpenBanking(Optional.of("application/jose"),
          sign(tppKey, payload(rest, t.ukRequestClaims, t)).getBytes(StandardCharsets.US_ASCII));
      default -> stages.openFinance(Optional.of("application/json"), input);
    };
  }

  private Future<Buffer> withContentType(byte[] rest) {
    int newline = indexOf(rest, new byte[] {'\n'}, 0);
    if (newline < 0) {
      return stages.openFinance(Optional.empty(), rest);
    }
    String type = new String(rest, 0, newline, StandardCharsets.ISO_8859_1);
    return stages.openFinance(Optional.of(type), Arrays.copyOfRange(rest, newline + 1, rest.length));
  }

  private static byte[] payload(byte[] rest, Map<String, Object> genuine, Tokens t) {
    if (rest.length > 0 && rest[0] == '+') {
      try {
        JsonObject patch = new JsonObject(Buffer.buffer(t.substitute(Arrays.copyOfRange(rest, 1, rest.length))));
        Map<String, Object> claims = new LinkedHashMap<>(genuine);
        patch.getMap().forEach((name, value) -> {
          if (value == null) {
            claims.remove(name);
          } else {
            claims.put(name, value);
          }
        });
        return new JsonObject(claims).toBuffer().getBytes();
      } catch (RuntimeException notAPatch) {
        // Not a JSON object: sign the bytes as they are.
      }
    }
    return t.substitute(rest);
  }

  /** PS256 under the signer's kid: a signature that verifies, whatever the payload says. */
  private static String sign(RSAKey key, byte[] payload) throws Exception {
    JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.PS256).keyID(key.getKeyID())
        .type(JOSEObjectType.JWT).build(), new Payload(payload));
    jws.sign(new RSASSASigner(key));
    return jws.serialize();
  }

  private Tokens tokens() throws Exception {
    if (tokens == null || tokens.minted.plus(TOKEN_REFRESH).isBefore(Instant.now())) {
      tokens = new Tokens(manifest);
    }
    return tokens;
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Fresh genuine tokens and the values placeholders stand for. */
  private static final class Tokens {
    final Instant minted = Instant.now();
    final Map<String, Object> ofbClaims;
    final Map<String, Object> ukRequestClaims;
    final Map<String, Supplier<String>> placeholders = new LinkedHashMap<>();

    Tokens(DevPkiManifest manifest) throws Exception {
      SoftwareStatementMinter ofb = SoftwareStatementMinter.forClient(manifest, DevPkiLayout.OFB_TPP1_A);
      ofbClaims = ofb.claims();
      String ukSsa = SoftwareStatementMinter.forClient(manifest, DevPkiLayout.UK_TPP).mint();
      RequestJwtMinter ukRequest = RequestJwtMinter.forClient(manifest, DevPkiLayout.UK_TPP, ukSsa);
      ukRequestClaims = ukRequest.claims();
      String ofbSsa = ofb.mint();
      String ukJwt = ukRequest.mint();
      placeholders.put("@SSA@", () -> ofbSsa);
      placeholders.put("@UKSSA@", () -> ukSsa);
      placeholders.put("@UKJWT@", () -> ukJwt);
      placeholders.put("@NOW@", () -> Long.toString(Instant.now().getEpochSecond()));
      placeholders.put("@EXP@", () -> Long.toString(Instant.now().plusSeconds(300).getEpochSecond()));
      placeholders.put("@UUID@", () -> UUID.randomUUID().toString());
      placeholders.put("@SOFTWARE_ID@", () -> (String) ofbClaims.get("software_id"));
    }

    /** The request a TPP sends with an OFB statement (OFB DCR 7.1), built from the genuine claims. */
    JsonObject ofbRequest(String statement) {
      JsonObject claims = new JsonObject(ofbClaims);
      return new JsonObject()
          .put("redirect_uris", new JsonArray().add(claims.getJsonArray("software_redirect_uris").getString(0)))
          .put("jwks_uri", claims.getString("software_jwks_uri"))
          .put("token_endpoint_auth_method", "private_key_jwt")
          .put("grant_types", new JsonArray().add("authorization_code").add("client_credentials"))
          .put("response_types", new JsonArray().add("code id_token"))
          .put("software_statement", statement);
    }

    byte[] substitute(byte[] bytes) {
      if (indexOf(bytes, new byte[] {'@'}, 0) < 0) {
        return bytes;
      }
      byte[] result = bytes;
      for (Map.Entry<String, Supplier<String>> p : placeholders.entrySet()) {
        result = replaceAll(result, p.getKey().getBytes(StandardCharsets.US_ASCII), p.getValue());
      }
      return result;
    }

    private static byte[] replaceAll(byte[] bytes, byte[] placeholder, Supplier<String> value) {
      int at = indexOf(bytes, placeholder, 0);
      if (at < 0) {
        return bytes;
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 2048);
      int from = 0;
      for (; at >= 0; at = indexOf(bytes, placeholder, from)) {
        out.write(bytes, from, at - from);
        out.writeBytes(value.get().getBytes(StandardCharsets.US_ASCII));
        from = at + placeholder.length;
      }
      out.write(bytes, from, bytes.length - from);
      return out.toByteArray();
    }
  }
}
