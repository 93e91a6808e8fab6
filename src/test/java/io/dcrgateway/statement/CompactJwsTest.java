package io.dcrgateway.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RFC 7515 §7.1 compact serialisation, and RFC 7519 §7.2: the claims are a UTF-8 JSON object. */
class CompactJwsTest {

  private static RSAKey key;

  @BeforeAll
  static void key() throws Exception {
    key = new RSAKeyGenerator(2048).keyID("k1").generate();
  }

  @Test
  void theClaimsAndTheSigningInputAreReadFromTheToken() throws Exception {
    String token = signed("{\"iss\":\"Open Banking Open Banking Brasil prod SSA issuer\",\"n\":1}".getBytes(
        StandardCharsets.UTF_8));

    CompactJws jws = CompactJws.parse(token);

    assertThat(jws.claims()).isEqualTo(Map.of("iss", "Open Banking Open Banking Brasil prod SSA issuer", "n", 1));
    assertThat(new String(jws.signingInput(), StandardCharsets.US_ASCII))
        .isEqualTo(token.substring(0, token.lastIndexOf('.')));
    assertThat(jws.signature().toString()).isEqualTo(token.substring(token.lastIndexOf('.') + 1));
  }

  @Test
  void claimsInUtf8BeyondAsciiAreRead() throws Exception {
    String token = signed("{\"org_name\":\"Banco São João\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(CompactJws.parse(token).claims()).isEqualTo(Map.of("org_name", "Banco São João"));
  }

  @Test
  void aPayloadInUtf16IsNotAClaimsSetEvenWhenSigned() throws Exception {
    String token = signed("{\"iss\":\"directory\"}".getBytes(StandardCharsets.UTF_16LE));

    assertThatThrownBy(() -> CompactJws.parse(token)).isInstanceOfSatisfying(CompactJws.Malformed.class,
        e -> assertThat(e.kind).isEqualTo(CompactJws.Kind.PAYLOAD_NOT_OBJECT));
  }

  @Test
  void aCharacterOutsideBase64urlInThePayloadIsRefused() throws Exception {
    String token = signed("{\"iss\":\"directory\"}".getBytes(StandardCharsets.UTF_8));
    int payloadStart = token.indexOf('.') + 1;
    String tampered = token.substring(0, payloadStart) + "é" + token.substring(payloadStart + 1);

    assertThatThrownBy(() -> CompactJws.parse(tampered)).isInstanceOfSatisfying(CompactJws.Malformed.class,
        e -> assertThat(e.kind).isEqualTo(CompactJws.Kind.PAYLOAD_NOT_OBJECT));
  }

  private static String signed(byte[] payload) throws Exception {
    JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.PS256).keyID("k1").build(), new Payload(payload));
    jws.sign(new RSASSASigner(key));
    return jws.serialize();
  }
}
