package io.dcrgateway.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** An id is held as the first 128 bits of SHA-256(len(namespace) || namespace || id). */
class IdDigestTest {

  @Test
  void isTheFirst128BitsOfSha256OverTheLengthPrefixedNamespaceAndTheId() throws Exception {
    byte[] ns = "replay:statement".getBytes(StandardCharsets.UTF_8);
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    sha256.update(ByteBuffer.allocate(4).putInt(ns.length).array());
    sha256.update(ns);
    sha256.update("jti-é-1".getBytes(StandardCharsets.UTF_8));
    ByteBuffer expected = ByteBuffer.wrap(sha256.digest());

    assertThat(IdDigest.of("replay:statement", "jti-é-1"))
        .isEqualTo(new IdDigest(expected.getLong(), expected.getLong()));
  }

  @Test
  void theSameIdInAnotherNamespaceOrSplitDifferentlyIsAnotherDigest() {
    assertThat(IdDigest.of("ab", "c")).isNotEqualTo(IdDigest.of("a", "bc"));
    assertThat(IdDigest.of("owner", "c1")).isNotEqualTo(IdDigest.of("replay", "c1"));
    assertThat(IdDigest.of("owner", "c1")).isEqualTo(IdDigest.of("owner", "c1"));
  }

  @Test
  void digestsComputedOnManyThreadsAtOnceMatchThoseComputedOneByOne() throws Exception {
    List<IdDigest> alone = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      alone.add(IdDigest.of("ns" + (i % 3), "id-" + i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<IdDigest>>> together = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        together.add(pool.submit(() -> {
          List<IdDigest> digests = new ArrayList<>();
          for (int i = 0; i < 2_000; i++) {
            digests.add(IdDigest.of("ns" + (i % 3), "id-" + i));
          }
          return digests;
        }));
      }
      for (Future<List<IdDigest>> digests : together) {
        assertThat(digests.get()).isEqualTo(alone);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
