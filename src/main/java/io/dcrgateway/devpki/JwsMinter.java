package io.dcrgateway.devpki;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A compact JWS under construction: a JOSE header, a claims object and a signing key, every part of
 * which a test may change, drop or get wrong on purpose. {@link SoftwareStatementMinter} and
 * {@link RequestJwtMinter} start it from a dev client's honest defaults.
 *
 * <p>The header is serialised exactly as set, independently of how the signature is computed: a
 * test can send {@code alg=PS256} signed with another key, keep the genuine kid on a forged
 * signature, or set {@code alg=none} with any kid, because those are the bytes an attacker sends.
 * Claims keep the order they were first set in.
 *
 * @param <T> the concrete minter, so the fluent calls keep its own methods in reach
 */
public abstract class JwsMinter<T extends JwsMinter<T>> {

  private final Map<String, Object> header = new LinkedHashMap<>();
  private final Map<String, Object> claims;
  private JWSAlgorithm algorithm = JWSAlgorithm.PS256;
  private JWK key;
  private byte[] hmacSecret;

  /** PS256, {@code kid} of {@code key}, {@code typ=JWT}: what FAPI-grade signers send (BR-06, UK-03, UK-08). */
  protected JwsMinter(JWK key, Map<String, Object> claims) {
    this.key = Objects.requireNonNull(key, "key");
    this.claims = new LinkedHashMap<>(claims);
    header.put("alg", algorithm.getName());
    if (key.getKeyID() != null) {
      header.put("kid", key.getKeyID());
    }
    header.put("typ", "JWT");
  }

  protected abstract T self();

  /** Sets a claim; a null value is sent as JSON null (present but empty), unlike {@link #without}. */
  public T claim(String name, Object value) {
    claims.put(name, value);
    return self();
  }

  /** Removes claims, so the token lacks them altogether. */
  public T without(String... names) {
    for (String name : names) {
      claims.remove(name);
    }
    return self();
  }

  /** {@code iat} in NumericDate seconds; set it in the past to test freshness (BR-07, UK-08). */
  public T issuedAt(Instant instant) {
    return claim("iat", instant.getEpochSecond());
  }

  /** {@code exp} in NumericDate seconds (UK-06). */
  public T expiresAt(Instant instant) {
    return claim("exp", instant.getEpochSecond());
  }

  /**
   * The alg both written to the header and used to sign. {@code none} (any spelling) yields an
   * empty signature; HMAC algs are keyed as {@link #hmacSecret} says.
   */
  public T algorithm(JWSAlgorithm alg) {
    algorithm = Objects.requireNonNull(alg, "alg");
    header.put("alg", alg.getName());
    return self();
  }

  /** {@code alg=none} and no signature: the unsecured JWS a verifier must never accept. */
  public T unsecured() {
    return algorithm(new JWSAlgorithm("none"));
  }

  /**
   * Signs with another key, leaving the header's kid as it was: a forged signature under the genuine
   * kid is the "bad signature" case (BR-06, OIDF T-BR-BADSIG). Call {@link #keyId} to change it.
   */
  public T signedWith(JWK signingKey) {
    key = Objects.requireNonNull(signingKey, "signingKey");
    return self();
  }

  /**
   * The HMAC secret for HS256/384/512. Without it, HMAC is keyed with the PEM text of the signing
   * key's public half: the key-confusion attack on verifiers that feed "the key" to any alg.
   */
  public T hmacSecret(byte[] secret) {
    hmacSecret = secret.clone();
    return self();
  }

  public T keyId(String kid) {
    return header("kid", kid);
  }

  /** No kid: the OFB suite's mock AS requires one (BR-06), so a verifier may refuse this. */
  public T withoutKeyId() {
    return withoutHeader("kid");
  }

  public T type(String typ) {
    return header("typ", typ);
  }

  public T withoutType() {
    return withoutHeader("typ");
  }

  /** Any header parameter, written as given (it does not change how the token is signed). */
  public T header(String name, Object value) {
    header.put(name, value);
    return self();
  }

  public T withoutHeader(String name) {
    header.remove(name);
    return self();
  }

  /** The claims as they stand, in order. */
  public Map<String, Object> claims() {
    return new LinkedHashMap<>(claims);
  }

  /** The compact serialization: BASE64URL(header) "." BASE64URL(claims) "." BASE64URL(signature). */
  public String mint() {
    String signingInput = encode(header) + "." + encode(claims);
    Base64URL signature = JwsSignature.sign(algorithm, key, hmacSecret, signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + signature;
  }

  private static String encode(Map<String, Object> json) {
    return Base64URL.encode(JSONObjectUtils.toJSONString(json).getBytes(StandardCharsets.UTF_8)).toString();
  }
}
