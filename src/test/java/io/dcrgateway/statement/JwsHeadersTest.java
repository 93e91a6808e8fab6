package io.dcrgateway.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import java.text.ParseException;
import org.junit.jupiter.api.Test;

/** RFC 7515 §4: the same encoded header always means the same header; the memo changes nothing else. */
class JwsHeadersTest {

  private final JwsHeaders headers = new JwsHeaders();

  @Test
  void aHeaderSeenBeforeIsTheSameParsedHeader() throws Exception {
    String encoded = header("directory-key-1").toBase64URL().toString();

    Header first = headers.parse(encoded);
    Header again = headers.parse(encoded);

    assertThat(again).isSameAs(first);
    assertThat(((JWSHeader) first).getKeyID()).isEqualTo("directory-key-1");
    assertThat(((JWSHeader) first).getAlgorithm()).isEqualTo(JWSAlgorithm.PS256);
  }

  @Test
  void differentHeadersStayDifferent() throws Exception {
    JWSHeader one = (JWSHeader) headers.parse(header("k1").toBase64URL().toString());
    JWSHeader two = (JWSHeader) headers.parse(header("k2").toBase64URL().toString());

    assertThat(one.getKeyID()).isEqualTo("k1");
    assertThat(two.getKeyID()).isEqualTo("k2");
  }

  @Test
  void aHeaderThatDoesNotParseIsRefusedEveryTimeAndNotKept() {
    String encoded = Base64URL.encode("{\"alg\":").toString();

    assertThatThrownBy(() -> headers.parse(encoded)).isInstanceOf(ParseException.class);
    assertThatThrownBy(() -> headers.parse(encoded)).isInstanceOf(ParseException.class);
    assertThat(headers.size()).isZero();
  }

  @Test
  void headersAClientMakesUpCannotGrowTheTable() throws Exception {
    for (int i = 0; i < JwsHeaders.MAX_ENTRIES * 3; i++) {
      headers.parse(header("made-up-" + i).toBase64URL().toString());
    }

    assertThat(headers.size()).isLessThanOrEqualTo(JwsHeaders.MAX_ENTRIES);
  }

  @Test
  void aLongHeaderIsParsedButNotKept() throws Exception {
    String encoded = header("k".repeat(JwsHeaders.MAX_KEPT_LENGTH)).toBase64URL().toString();

    assertThat(((JWSHeader) headers.parse(encoded)).getKeyID()).hasSize(JwsHeaders.MAX_KEPT_LENGTH);
    assertThat(headers.size()).isZero();
  }

  private static JWSHeader header(String kid) {
    return new JWSHeader.Builder(JWSAlgorithm.PS256).keyID(kid).type(JOSEObjectType.JWT).build();
  }
}
