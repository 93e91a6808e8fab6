package io.dcrgateway.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** The "did you mean" for an unknown key: the known key closest by edit distance, if close. */
final class NearestKey {

  private NearestKey() {
  }

  static Optional<String> to(String unknown, Collection<String> known) {
    String wanted = comparable(unknown);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int distance = distance(wanted, comparable(candidate));
      // Small typos only: a suggestion two edits away from a four-letter key is a guess.
      int allowed = Math.max(1, Math.min(3, candidate.length() / 4));
      if (distance <= allowed && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /** camelCase and snake_case spellings of a kebab-case key compare equal. */
  private static String comparable(String key) {
    return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
  }

  /** Optimal string alignment: Levenshtein plus adjacent transpositions ("prot" is 1 from "port"). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
