package io.dcrgateway.statement;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.Base64URL;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** RFC 7515 §7.1: the signature part is base64url; the verifier must see the bytes nimbus would. */
class SignatureBytesTest {

  @Test
  void aWellFormedSignatureDecodesToTheBytesNimbusReads() {
    SecureRandom random = new SecureRandom();
    for (int length : new int[] {0, 1, 2, 3, 64, 255, 256, 512}) {
      byte[] bytes = new byte[length];
      random.nextBytes(bytes);
      String encoded = Base64URL.encode(bytes).toString();

      assertThat(new SignatureBytes(encoded).decode()).isEqualTo(bytes).isEqualTo(new Base64URL(encoded).decode());
    }
  }

  @Test
  void textTheJdkRefusesIsDecodedAsNimbusDecodesIt() {
    String encoded = Base64URL.encode(new byte[] {1, 2, 3, 4, 5, 6}).toString();
    String withStrayCharacters = encoded.substring(0, 3) + " *" + encoded.substring(3);

    assertThat(new SignatureBytes(withStrayCharacters).decode())
        .isEqualTo(new Base64URL(withStrayCharacters).decode());
  }

  @Test
  void itIsStillTheSameBase64urlValue() {
    String encoded = Base64URL.encode(new byte[] {9, 8, 7}).toString();

    assertThat(new SignatureBytes(encoded)).isEqualTo(new Base64URL(encoded));
    assertThat(new SignatureBytes(encoded).toString()).isEqualTo(encoded);
  }
}
