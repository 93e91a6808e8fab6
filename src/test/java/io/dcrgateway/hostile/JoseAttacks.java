package io.dcrgateway.hostile;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64;
import io.dcrgateway.devpki.CertificateIssuer;
import io.dcrgateway.devpki.JwsMinter;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The JOSE attacks on a JWS the gateway verifies, whichever it is (a directory's software
 * statement, a TPP's request JWT): each takes a minter holding an honest token and returns what
 * the attacker sends instead. Sources: RFC 8725 §2 (JWT BCP threats), RFC 7515 §4.1 (header
 * parameters), the CVEs of "alg: none" and RS-to-HS key confusion.
 */
final class JoseAttacks {

  /** What an attack has to work with: the honest minter, and the honest signer's key. */
  record Target(JwsMinter<?> minter, RSAKey genuineKey) {
  }

  /**
   * @param status 400, or 413 for a token larger than the body limit (refused before parsing)
   */
  record Attack(String name, Function<Target, String> token, int status) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final RSAKey ATTACKER = attackerKey();

  private JoseAttacks() {
  }

  /** @param trap a URL the gateway must never fetch (counts its requests) */
  static Stream<Attack> all(String trap) {
    return Stream.of(
        new Attack("alg none, unsigned (RFC 8725 §2.1)", t -> t.minter().unsecured().mint(), 400),
        new Attack("alg nOnE, unsigned", t -> t.minter().algorithm(new JWSAlgorithm("nOnE")).mint(), 400),
        new Attack("HS256 keyed with the verifier's public key PEM (key confusion, RFC 8725 §2.1)",
            t -> t.minter().algorithm(JWSAlgorithm.HS256).mint(), 400),
        new Attack("HS256 keyed with the verifier's public JWK",
            t -> t.minter().algorithm(JWSAlgorithm.HS256)
                .hmacSecret(t.genuineKey().toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)).mint(), 400),
        new Attack("kid path traversal", t -> t.minter().keyId("../../../../../../etc/passwd").mint(), 400),
        new Attack("kid SQL injection", t -> t.minter().keyId("x' UNION SELECT 'secret' --").mint(), 400),
        new Attack("kid is a URL", t -> t.minter().keyId(trap + "/kid").mint(), 400),
        new Attack("kid with NUL and CRLF", t -> t.minter().keyId("a\u0000b\r\nX-Injected: 1").mint(), 400),
        new Attack("kid a JSON object", t -> t.minter().header("kid", new JsonObject().put("$ne", "").getMap()).mint(),
            400),
        new Attack("attacker key via jku (never fetched)", t -> t.minter().header("jku", trap + "/jwks")
            .signedWith(ATTACKER).keyId(ATTACKER.getKeyID()).mint(), 400),
        new Attack("attacker key via x5u (never fetched)", t -> t.minter().header("x5u", trap + "/cert.pem")
            .signedWith(ATTACKER).mint(), 400),
        new Attack("attacker key embedded as jwk, genuine kid", t -> t.minter()
            .header("jwk", ATTACKER.toPublicJWK().toJSONObject()).signedWith(ATTACKER).mint(), 400),
        new Attack("attacker certificate embedded as x5c, genuine kid", t -> t.minter()
            .header("x5c", List.of(attackerCertificate())).signedWith(ATTACKER).mint(), 400),
        new Attack("genuine signature with an unknown critical header (RFC 7515 §4.1.11)",
            t -> t.minter().header("crit", List.of("urn:example:must-understand"))
                .header("urn:example:must-understand", true).mint(), 400),
        new Attack("unencoded payload b64=false (RFC 7797)",
            t -> t.minter().header("b64", false).header("crit", List.of("b64")).mint(), 400),
        new Attack("JWS JSON serialisation, flattened, genuinely signed", t -> flattened(t.minter().mint()), 400),
        new Attack("JWS JSON serialisation, two signatures", t -> twoSignatures(t.minter().mint()), 400),
        new Attack("detached payload (RFC 7515 Appendix F)", t -> {
          String[] parts = t.minter().mint().split("\\.");
          return parts[0] + ".." + parts[2];
        }, 400),
        new Attack("signature stripped, alg kept", t -> {
          String compact = t.minter().mint();
          return compact.substring(0, compact.lastIndexOf('.') + 1);
        }, 400),
        new Attack("header and payload only", t -> {
          String compact = t.minter().mint();
          return compact.substring(0, compact.lastIndexOf('.'));
        }, 400),
        new Attack("signature appended twice", t -> {
          String compact = t.minter().mint();
          return compact + compact.substring(compact.lastIndexOf('.'));
        }, 400),
        new Attack("double-signed: a genuine JWS whose payload is another JWS", t -> nested(t), 400),
        new Attack("genuinely signed, iss twice (readers disagree on which wins, RFC 8259 §4)",
            t -> duplicateClaim(t, "iss", "https://attacker.example"), 400),
        new Attack("five parts, as an encrypted token", t -> t.minter().mint() + ".e30", 400),
        new Attack("oversized header under the body limit (30 kB kid)", t -> t.minter().keyId("k".repeat(30_000)).mint(),
            400),
        new Attack("oversized token over the body limit", t -> t.minter().claim("padding", "p".repeat(70_000)).mint(),
            413));
  }

  private static String flattened(String compact) {
    String[] parts = compact.split("\\.");
    return new JsonObject().put("protected", parts[0]).put("payload", parts[1]).put("signature", parts[2]).encode();
  }

  private static String twoSignatures(String compact) {
    String[] parts = compact.split("\\.");
    return new JsonObject().put("payload", parts[1]).put("signatures", new JsonArray()
        .add(new JsonObject().put("protected", parts[0]).put("signature", parts[2]))
        .add(new JsonObject().put("protected", parts[0]).put("signature", "AAAA"))).encode();
  }

  /** The honest signer's key signs a JWS whose payload is the attacker's JWS (RFC 7519 §5.2 cty JWT). */
  private static String nested(Target t) {
    try {
      String inner = t.minter().signedWith(ATTACKER).mint();
      JWSObject outer = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.PS256).keyID(t.genuineKey().getKeyID())
          .type(JOSEObjectType.JWT).contentType("JWT").build(), new Payload(inner));
      outer.sign(new RSASSASigner(t.genuineKey()));
      return outer.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The honest signer's key over the honest claims with one claim repeated, the attacker's value last. */
  private static String duplicateClaim(Target t, String claim, String value) {
    try {
      String honest = new JsonObject(t.minter().claims()).encode();
      String twice = honest.substring(0, honest.length() - 1) + "," + new JsonObject().put(claim, value).encode()
          .substring(1);
      JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.PS256).keyID(t.genuineKey().getKeyID())
          .type(JOSEObjectType.JWT).build(), new Payload(twice));
      jws.sign(new RSASSASigner(t.genuineKey()));
      return jws.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String attackerCertificate() {
    try {
      return Base64.encode(CertificateIssuer.forSubject("CN=Attacker").keyPair(ATTACKER.toKeyPair()).selfSigned()
          .certificate().getEncoded()).toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static RSAKey attackerKey() {
    try {
      return new RSAKeyGenerator(2048).keyID("attacker").generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
