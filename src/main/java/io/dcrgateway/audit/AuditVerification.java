package io.dcrgateway.audit;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Checks a trail: each record's {@code prev} is the hash of the record before it, across the
 * files in the order given (oldest first). The first record may link to the genesis hash or to a
 * hash the auditor holds from an earlier check ({@code expectedStart}).
 */
public final class AuditVerification {

  /** The result: the first break, if any, and the hash of the last record (an auditor's anchor). */
  public record Result(Optional<String> firstBreak, long records, String lastHash) {
    public boolean intact() {
      return firstBreak.isEmpty();
    }
  }

  private AuditVerification() {
  }

  public static Result verify(List<Path> files, Optional<String> expectedStart) throws IOException {
    String previous = null;
    long records = 0;
    for (Path file : files) {
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        String line;
        long number = 0;
        while ((line = in.readLine()) != null) {
          number++;
          if (line.isEmpty()) {
            continue;
          }
          String where = file + ":" + number;
          String link;
          try {
            link = new JsonObject(line).getString(AuditChain.LINK);
          } catch (DecodeException | ClassCastException e) {
            return new Result(Optional.of(where + ": not a JSON audit record"), records, previous);
          }
          if (link == null) {
            return new Result(Optional.of(where + ": no " + AuditChain.LINK + " field"), records, previous);
          }
          String expected = previous == null ? expectedStart.orElse(AuditChain.GENESIS) : previous;
          if (!link.equals(expected)) {
            return new Result(Optional.of(where + ": " + (previous == null
                ? "the trail does not start at " + expectedStart.map(h -> "the expected hash " + h)
                    .orElse("the genesis hash") + " but links to " + link
                    + " (a rotated file: verify it with the files before it, or --start that hash)"
                : "record does not follow the one before it (edited, deleted, inserted or reordered)")),
                records, previous);
          }
          previous = AuditChain.hash(line);
          records++;
        }
      }
    }
    return new Result(Optional.empty(), records, previous == null ? expectedStart.orElse(AuditChain.GENESIS) : previous);
  }
}
