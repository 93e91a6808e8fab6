package io.dcrgateway.dn;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The comparison key of RFC 4517 §4.2.11 caseIgnoreMatch, after RFC 4518 string preparation. Two
 * values match when their keys are equal. OFB DCR ID3 §7.3 requires caseIgnoreMatch for the
 * subject DN; C, serialNumber and jurisdictionCountryName (PrintableString) also use it (RFC 4519
 * §2.2, §2.31), and caseIgnoreIA5Match (DC, emailAddress) prepares the same way for ASCII.
 */
final class CaseIgnoreMatch {

  private CaseIgnoreMatch() {
  }

  static String key(String value) {
    String mapped = mapCharacters(value);
    // RFC 4518 §2.2 case folding for caseIgnore rules; upper then lower folds e.g. U+017F and final sigma.
    String folded = mapped.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    // RFC 4518 §2.3: NFKC.
    String normalized = Normalizer.normalize(folded, Normalizer.Form.NFKC);
    return insignificantSpacesRemoved(normalized);
  }

  /** RFC 4518 §2.2: format and control characters map to nothing, white space to SPACE. */
  private static String mapCharacters(String value) {
    StringBuilder mapped = new StringBuilder(value.length());
    value.codePoints().forEach(codePoint -> {
      if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || codePoint == 0x85) {
        mapped.append(' ');
      } else if (!mapsToNothing(codePoint)) {
        mapped.appendCodePoint(codePoint);
      }
    });
    return mapped.toString();
  }

  private static boolean mapsToNothing(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.FORMAT
        || type == Character.CONTROL
        || codePoint == 0x00AD // SOFT HYPHEN
        || codePoint == 0x034F // COMBINING GRAPHEME JOINER
        || (codePoint >= 0x180B && codePoint <= 0x180D) // MONGOLIAN FREE VARIATION SELECTORS
        || (codePoint >= 0xFE00 && codePoint <= 0xFE0F); // VARIATION SELECTORS
  }

  /** RFC 4518 §2.6.1: leading and trailing spaces are dropped, inner runs count as one. */
  private static String insignificantSpacesRemoved(String value) {
    StringBuilder result = new StringBuilder(value.length());
    boolean pendingSpace = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ' ' || Character.isSpaceChar(c)) {
        pendingSpace = result.length() > 0;
      } else {
        if (pendingSpace) {
          result.append(' ');
          pendingSpace = false;
        }
        result.append(c);
      }
    }
    return result.toString();
  }
}
