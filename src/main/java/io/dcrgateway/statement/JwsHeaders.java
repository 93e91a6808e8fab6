package io.dcrgateway.statement;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.util.Base64URL;
import java.text.ParseException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed JOSE headers by their encoded text. A directory signs every statement with the same few
 * headers (alg, kid, typ), so decoding and parsing one per request is work done again and again
 * (about 1 % of a keep-alive registration in the issue 6 profile). Headers are immutable; only
 * ones that parsed are kept; the table is small, bounded and emptied when full, so headers a
 * client makes up can neither grow it nor pin anything.
 */
final class JwsHeaders {

  static final int MAX_ENTRIES = 256;
  /** Real headers are a few dozen characters; a long one is parsed, never kept. */
  static final int MAX_KEPT_LENGTH = 512;

  private final ConcurrentHashMap<String, Header> parsed = new ConcurrentHashMap<>();

  Header parse(String encoded) throws ParseException {
    Header known = parsed.get(encoded);
    if (known != null) {
      return known;
    }
    Header header = Header.parse(new Base64URL(encoded));
    if (encoded.length() <= MAX_KEPT_LENGTH) {
      if (parsed.size() >= MAX_ENTRIES) {
        parsed.clear();
      }
      parsed.put(encoded, header);
    }
    return header;
  }

  int size() {
    return parsed.size();
  }
}
