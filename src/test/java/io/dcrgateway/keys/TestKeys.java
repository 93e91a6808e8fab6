package io.dcrgateway.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.List;

/** Key pairs generated once per test class (RSA generation is slow); private parts included. */
final class TestKeys {

  final RSAKey rsaBefore;
  final RSAKey rsaAfter;
  final ECKey ec;
  final OctetSequenceKey hmac;

  private TestKeys() throws JOSEException {
    rsaBefore = new RSAKeyGenerator(2048).keyID("rsa-before").keyUse(KeyUse.SIGNATURE).generate();
    rsaAfter = new RSAKeyGenerator(2048).keyID("rsa-after").keyUse(KeyUse.SIGNATURE).generate();
    ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").keyUse(KeyUse.SIGNATURE).generate();
    hmac = new OctetSequenceKeyGenerator(256).keyID("hmac-1").generate();
  }

  static TestKeys generate() throws JOSEException {
    return new TestKeys();
  }

  /** What a publisher is meant to publish: public parts only. */
  static JWKSet published(JWK... keys) {
    return new JWKSet(List.of(keys)).toPublicJWKSet();
  }

  /** A publisher's mistake: the full keys, private parts and all. */
  static JWKSet leaked(JWK... keys) {
    return new JWKSet(List.of(keys));
  }
}
