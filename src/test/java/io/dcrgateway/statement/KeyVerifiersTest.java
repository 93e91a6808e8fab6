package io.dcrgateway.statement;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.dcrgateway.config.CryptoConfig;
import io.dcrgateway.crypto.PublicKeyCrypto;
import java.security.Provider;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Verifiers are kept per key set snapshot; a directory that rotates a kid's key is read afresh.
 * With AWS-LC (crypto.provider) every JWS algorithm the gateway accepts verifies there, and what
 * the JDK rejects, AWS-LC rejects.
 */
class KeyVerifiersTest {

  private static final JWSHeader PS256_K1 = new JWSHeader.Builder(JWSAlgorithm.PS256).keyID("k1").build();

  @Test
  void oneSnapshotIsConvertedOnce() throws Exception {
    KeyVerifiers verifiers = new KeyVerifiers(Optional.empty());
    JWKSet keys = new JWKSet(key("k1").toPublicJWK());

    List<JWSVerifier> first = verifiers.of(keys, PS256_K1);

    assertThat(first).hasSize(1);
    assertThat(verifiers.of(keys, PS256_K1)).isSameAs(first);
  }

  @Test
  void aRotatedKeyUnderTheSameKidVerifiesOnlyWithTheNewSnapshot() throws Exception {
    KeyVerifiers verifiers = new KeyVerifiers(Optional.empty());
    RSAKey before = key("k1");
    RSAKey after = key("k1");
    JWKSet oldSnapshot = new JWKSet(before.toPublicJWK());
    verifiers.of(oldSnapshot, PS256_K1);
    CompactJws signedByNewKey = signed(after);

    JWKSet newSnapshot = new JWKSet(after.toPublicJWK());

    assertThat(verifies(verifiers.of(newSnapshot, PS256_K1), signedByNewKey)).isTrue();
    assertThat(verifies(verifiers.of(oldSnapshot, PS256_K1), signedByNewKey)).isFalse();
  }

  @Test
  void aKeyForEncryptionOrAnotherKidOrAlgorithmFamilyIsNotOffered() throws Exception {
    KeyVerifiers verifiers = new KeyVerifiers(Optional.empty());
    RSAKey encryption = new RSAKeyGenerator(2048).keyID("k1").keyUse(KeyUse.ENCRYPTION).generate();
    JWKSet keys = new JWKSet(List.of(encryption.toPublicJWK(), key("k2").toPublicJWK()));

    assertThat(verifiers.of(keys, PS256_K1)).isEmpty();
    assertThat(verifiers.of(keys, new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k2").build())).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"PS256", "PS384", "PS512", "RS256", "ES256", "ES384"})
  void withAwsLcEachAlgorithmVerifiesThereAndRejectsWhatTheJdkRejects(String algorithm) throws Exception {
    Provider awsLc = PublicKeyCrypto.select(CryptoConfig.Provider.AWS_LC).awsLc().orElseThrow();
    JWSAlgorithm alg = JWSAlgorithm.parse(algorithm);
    JWSHeader header = new JWSHeader.Builder(alg).keyID("k1").build();
    JWK key = algorithm.startsWith("ES")
        ? new ECKeyGenerator(Curve.forJWSAlgorithm(alg).iterator().next()).keyID("k1").keyUse(KeyUse.SIGNATURE).generate()
        : key("k1");
    JWSObject jws = new JWSObject(header, new Payload("{\"iss\":\"directory\"}"));
    jws.sign(key instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) key));
    CompactJws genuine = CompactJws.parse(jws.serialize());
    String text = jws.serialize();
    char last = text.charAt(text.length() - 2);
    CompactJws tampered = CompactJws.parse(text.substring(0, text.length() - 2) + (last == 'A' ? 'B' : 'A')
        + text.charAt(text.length() - 1));
    JWKSet keys = new JWKSet(key.toPublicJWK());

    List<JWSVerifier> withAwsLc = new KeyVerifiers(Optional.of(awsLc)).of(keys, header);
    List<JWSVerifier> withJdk = new KeyVerifiers(Optional.empty()).of(keys, header);

    assertThat(withAwsLc).singleElement().satisfies(v -> assertThat(v.getJCAContext().getProvider()).isSameAs(awsLc));
    assertThat(verifies(withAwsLc, genuine)).isTrue();
    assertThat(verifies(withAwsLc, tampered)).isEqualTo(verifies(withJdk, tampered)).isFalse();
    assertThat(verifies(withAwsLc, CompactJws.parse(signedBy(header, algorithm)))).isFalse();
  }

  /** The same header signed by a stranger's key of the same kind. */
  private static String signedBy(JWSHeader header, String algorithm) throws Exception {
    JWSObject jws = new JWSObject(header, new Payload("{\"iss\":\"directory\"}"));
    jws.sign(algorithm.startsWith("ES")
        ? new ECDSASigner(new ECKeyGenerator(Curve.forJWSAlgorithm(header.getAlgorithm()).iterator().next()).generate())
        : new RSASSASigner(key("stranger")));
    return jws.serialize();
  }

  private static boolean verifies(List<JWSVerifier> verifiers, CompactJws jws) throws Exception {
    for (JWSVerifier verifier : verifiers) {
      if (verifier.verify(jws.header(), jws.signingInput(), jws.signature())) {
        return true;
      }
    }
    return false;
  }

  private static CompactJws signed(RSAKey key) throws Exception {
    JWSObject jws = new JWSObject(PS256_K1, new Payload("{\"iss\":\"directory\"}"));
    jws.sign(new RSASSASigner(key));
    return CompactJws.parse(jws.serialize());
  }

  private static RSAKey key(String kid) throws Exception {
    return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
  }
}
