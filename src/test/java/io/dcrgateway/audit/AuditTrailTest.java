package io.dcrgateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.testkit.CapturedLog;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trail is tamper-evident: an auditor finds any edited, deleted, inserted or reordered
 * record, across rotated files, and a graceful close loses nothing.
 */
class AuditTrailTest {

  @TempDir
  Path dir;

  private Path write(int records, long maxBytes) throws Exception {
    Path file = dir.resolve("audit.log");
    try (AuditFile audit = AuditFile.open(file, maxBytes, Clock.systemUTC())) {
      for (int i = 0; i < records; i++) {
        audit.accept(new JsonObject().put("request_id", "r-" + i).put("outcome", "forwarded"));
      }
    }
    return file;
  }

  private static List<String> lines(Path file) throws Exception {
    return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  @Test
  void anUntouchedTrailVerifiesAndNothingIsLostOnClose() throws Exception {
    Path file = write(500, Long.MAX_VALUE);

    AuditVerification.Result result = AuditVerification.verify(List.of(file), Optional.empty());

    assertThat(result.intact()).isTrue();
    assertThat(result.records()).isEqualTo(500);
    assertThat(lines(file).get(0)).startsWith("{\"prev\":\"" + AuditChain.GENESIS + "\"");
  }

  @Test
  void anEditedRecordBreaksTheChainAtTheRecordAfterIt() throws Exception {
    Path file = write(10, Long.MAX_VALUE);
    List<String> lines = lines(file);
    lines.set(4, lines.get(4).replace("forwarded", "rejected"));
    Files.write(file, lines);

    assertThat(AuditVerification.verify(List.of(file), Optional.empty()).firstBreak())
        .hasValueSatisfying(where -> assertThat(where).startsWith(file + ":6:"));
  }

  @Test
  void aDeletedRecordIsFound() throws Exception {
    Path file = write(10, Long.MAX_VALUE);
    List<String> lines = lines(file);
    lines.remove(3);
    Files.write(file, lines);

    assertThat(AuditVerification.verify(List.of(file), Optional.empty()).firstBreak())
        .hasValueSatisfying(where -> assertThat(where).startsWith(file + ":4:"));
  }

  @Test
  void swappedRecordsAreFound() throws Exception {
    Path file = write(10, Long.MAX_VALUE);
    List<String> lines = lines(file);
    Collections.swap(lines, 2, 3);
    Files.write(file, lines);

    assertThat(AuditVerification.verify(List.of(file), Optional.empty()).intact()).isFalse();
  }

  @Test
  void rotatedFilesChainIntoEachOtherAndVerifyOnlyInOrder() throws Exception {
    Path current = write(200, 4096);
    List<Path> rotated;
    try (Stream<Path> files = Files.list(dir)) {
      rotated = files.filter(p -> !p.equals(current)).sorted().toList();
    }
    assertThat(rotated).isNotEmpty();
    List<Path> trail = new ArrayList<>(rotated);
    trail.add(current);

    AuditVerification.Result whole = AuditVerification.verify(trail, Optional.empty());
    assertThat(whole.intact()).isTrue();
    assertThat(whole.records()).isEqualTo(200);

    assertThat(AuditVerification.verify(List.of(current), Optional.empty()).intact()).isFalse();
    List<Path> missingOne = new ArrayList<>(trail);
    missingOne.remove(0);
    assertThat(AuditVerification.verify(missingOne, Optional.empty()).intact()).isFalse();
  }

  @Test
  void recordsWrittenTogetherStillRotateBeforeAFilePassesItsLimit() throws Exception {
    // 200 records offered at once reach the writer in one or two batches, written run by run.
    Path current = write(200, 4096);
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> all = files.toList();
      assertThat(all).hasSizeGreaterThan(5);
      for (Path file : all) {
        assertThat(Files.size(file)).as(file.toString()).isLessThanOrEqualTo(4096);
        assertThat(Files.readString(file)).endsWith("}\n");
      }
    }
    assertThat(Files.size(current)).isPositive();
  }

  @Test
  void recordsThatCannotBeWrittenByShutdownAreEachKeptInTheLog() throws Exception {
    Path full = dir.resolve("audit.log");
    Files.createSymbolicLink(full, Path.of("/dev/full")); // every write fails with ENOSPC
    List<String> logged;
    try (CapturedLog log = CapturedLog.of(AuditFile.class.getName())) {
      AuditFile audit = AuditFile.open(full, Long.MAX_VALUE, Clock.systemUTC());
      for (int i = 0; i < 50; i++) {
        audit.accept(new JsonObject().put("request_id", "r-" + i));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (audit.problem().isEmpty()) {
        assertThat(System.nanoTime()).as("the write failure is reported").isLessThan(deadline);
        Thread.sleep(5);
      }
      // Queued behind the failed batch while the writer waits to retry.
      for (int i = 50; i < 100; i++) {
        audit.accept(new JsonObject().put("request_id", "r-" + i));
      }
      audit.close();
      logged = log.messages();
    }

    List<String> kept = logged.stream().filter(m -> m.contains("record kept in the log")).toList();
    for (int i = 0; i < 100; i++) {
      String id = "\"request_id\":\"r-" + i + "\"";
      assertThat(kept).as("r-" + i).filteredOn(m -> m.contains(id)).hasSize(1);
    }
  }

  @Test
  void reopeningAFileContinuesItsChain() throws Exception {
    write(3, Long.MAX_VALUE);
    Path file = write(3, Long.MAX_VALUE);

    AuditVerification.Result result = AuditVerification.verify(List.of(file), Optional.empty());
    assertThat(result.intact()).isTrue();
    assertThat(result.records()).isEqualTo(6);
  }
}
