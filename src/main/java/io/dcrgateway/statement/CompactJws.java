package io.dcrgateway.statement;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import io.dcrgateway.request.StrictJson;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * A JWS in compact serialisation (RFC 7515 §7.1), read once per request. The payload is decoded
 * with the JDK's Base64 and read with the strict JSON mapper: nimbus' own codec and parser cost a
 * tenth of a registration's CPU on an OFB statement of a few kB (issue 6 profile), and a strict
 * reader refuses duplicate claims, so the gateway and the identity server cannot read different
 * statements out of one payload. The header stays nimbus' (it decides signed, unsigned, encrypted).
 *
 * @param signingInput the ASCII bytes the signature covers: {@code header.payload} as sent
 */
record CompactJws(String compact, JWSHeader header, Map<String, Object> claims, byte[] signingInput,
    Base64URL signature) {

  /** Why a text is not a signed JWT; the caller words it for the TPP. */
  static final class Malformed extends Exception {
    final Kind kind;

    Malformed(Kind kind, String message) {
      super(message, null, false, false);
      this.kind = kind;
    }
  }

  enum Kind { NOT_COMPACT, UNSIGNED, ENCRYPTED, PAYLOAD_NOT_OBJECT }

  private static final JwsHeaders HEADERS = new JwsHeaders();

  static CompactJws parse(String compact) throws Malformed {
    int first = compact.indexOf('.');
    int second = first < 0 ? -1 : compact.indexOf('.', first + 1);
    if (second < 0) {
      throw new Malformed(Kind.NOT_COMPACT, "expected three base64url parts separated by dots");
    }
    Header header;
    try {
      header = HEADERS.parse(compact.substring(0, first));
    } catch (ParseException e) {
      throw new Malformed(Kind.NOT_COMPACT, "the header is not a JOSE header: " + e.getMessage());
    }
    if (header instanceof JWEHeader || compact.indexOf('.', second + 1) >= 0) {
      throw new Malformed(Kind.ENCRYPTED, "an encrypted JWT (JWE), not a signed one");
    }
    if (!(header instanceof JWSHeader jwsHeader)) {
      throw new Malformed(Kind.UNSIGNED, "unsigned (alg none)");
    }
    // RFC 7797: the signature would cover the payload unencoded, not the bytes read here.
    if (!jwsHeader.isBase64URLEncodePayload()) {
      throw new Malformed(Kind.NOT_COMPACT, "unencoded payloads (RFC 7797 b64 false) are not accepted");
    }
    // Base64url is ASCII: one copy of the token's bytes serves the payload and the signing input
    // (a character outside ASCII becomes '?', which the decoder refuses).
    byte[] ascii = compact.getBytes(StandardCharsets.US_ASCII);
    Object payload;
    try {
      ByteBuffer json = Base64.getUrlDecoder().decode(ByteBuffer.wrap(ascii, first + 1, second - first - 1));
      payload = StrictJson.read(json.array(), json.arrayOffset() + json.position(), json.remaining());
    } catch (StrictJson.NotUtf8 e) {
      throw new Malformed(Kind.PAYLOAD_NOT_OBJECT, "the payload is not valid UTF-8");
    } catch (Exception e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().split("\n", 2)[0];
      throw new Malformed(Kind.PAYLOAD_NOT_OBJECT, reason);
    }
    if (!(payload instanceof Map<?, ?> map)) {
      throw new Malformed(Kind.PAYLOAD_NOT_OBJECT, "the payload is JSON but not an object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> claims = (Map<String, Object>) map;
    return new CompactJws(compact, jwsHeader, claims, Arrays.copyOf(ascii, second),
        new SignatureBytes(compact.substring(second + 1)));
  }
}
