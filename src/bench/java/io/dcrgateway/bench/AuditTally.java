package io.dcrgateway.bench;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The request records of an audit file, counted by outcome, by status and by outcome, status and
 * reason: the soak run checks them against what its clients received, one record per request.
 */
record AuditTally(long records, Map<String, Long> byOutcome, Map<Integer, Long> byStatus,
    Map<String, Long> byDecision) {

  static AuditTally read(Path file) throws IOException {
    long records = 0;
    Map<String, Long> byOutcome = new TreeMap<>();
    Map<Integer, Long> byStatus = new TreeMap<>();
    Map<String, Long> byDecision = new TreeMap<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        JsonObject record = line.isBlank() ? null : new JsonObject(line);
        if (record == null || !record.containsKey("request_id")) {
          continue; // a reload record, or none
        }
        records++;
        String outcome = record.getString("outcome");
        int status = record.getInteger("status");
        byOutcome.merge(outcome, 1L, Long::sum);
        byStatus.merge(status, 1L, Long::sum);
        byDecision.merge(outcome + " | " + status + " | " + record.getString("reason", "–"), 1L, Long::sum);
      }
    }
    return new AuditTally(records, byOutcome, byStatus, byDecision);
  }
}
