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
import java.util.List;
import org.junit.jupiter.api.Test;

/** Verifiers are kept per key set snapshot; a directory that rotates a kid's key is read afresh. */
class KeyVerifiersTest {

  private static final JWSHeader PS256_K1 = new JWSHeader.Builder(JWSAlgorithm.PS256).keyID("k1").build();

  @Test
  void oneSnapshotIsConvertedOnce() throws Exception {
    KeyVerifiers verifiers = new KeyVerifiers();
    JWKSet keys = new JWKSet(key("k1").toPublicJWK());

    List<JWSVerifier> first = verifiers.of(keys, PS256_K1);

    assertThat(first).hasSize(1);
    assertThat(verifiers.of(keys, PS256_K1)).isSameAs(first);
  }

  @Test
  void aRotatedKeyUnderTheSameKidVerifiesOnlyWithTheNewSnapshot() throws Exception {
    KeyVerifiers verifiers = new KeyVerifiers();
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
    KeyVerifiers verifiers = new KeyVerifiers();
    RSAKey encryption = new RSAKeyGenerator(2048).keyID("k1").keyUse(KeyUse.ENCRYPTION).generate();
    JWKSet keys = new JWKSet(List.of(encryption.toPublicJWK(), key("k2").toPublicJWK()));

    assertThat(verifiers.of(keys, PS256_K1)).isEmpty();
    assertThat(verifiers.of(keys, new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k2").build())).isEmpty();
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
