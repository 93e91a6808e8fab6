package io.dcrgateway.keys;

import static io.dcrgateway.keys.TestKeys.leaked;
import static io.dcrgateway.keys.TestKeys.published;
import static io.dcrgateway.keys.UrlKeySetTest.await;
import static io.dcrgateway.keys.UrlKeySetTest.kids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A directory's keys from a local file: read at start through Vert.x, re-read every interval. */
class FileKeySetTest {

  private static TestKeys keys;

  @TempDir
  Path dir;

  private EventLoopWatch watch;
  private Vertx vertx;
  private Path file;
  private final List<CachedKeySet> started = new ArrayList<>();

  @BeforeAll
  static void generateKeys() throws Exception {
    keys = TestKeys.generate();
  }

  @BeforeEach
  void start() {
    watch = new EventLoopWatch();
    vertx = watch.vertx();
    file = dir.resolve("directory-jwks.json");
  }

  @AfterEach
  void stop() {
    started.forEach(CachedKeySet::stop);
    watch.close();
  }

  @Test
  void readsTheFileAtStart() throws Exception {
    write(published(keys.rsaBefore, keys.ec));

    CachedKeySet set = started(KeySetSource.file(file));

    assertThat(set.current().availability()).isEqualTo(KeyAvailability.AVAILABLE);
    assertThat(kids(set.current().keys())).containsExactlyInAnyOrder("rsa-before", "ec-1");
    assertThat(set.health().location()).isEqualTo(file.toString());
  }

  @Test
  void reReadsTheFileEveryRefreshInterval() throws Exception {
    write(published(keys.rsaBefore));
    CachedKeySet set = started(fastRefresh());

    write(published(keys.rsaAfter));

    Eventually.until("the rewritten file is read", () -> set.current().hasKeyId("rsa-after"));
    assertThat(kids(set.current().keys())).containsExactly("rsa-after");
  }

  @Test
  void brokenRewriteKeepsTheKeysReadBefore() throws Exception {
    write(published(keys.rsaBefore));
    CachedKeySet set = started(fastRefresh());

    write("{\"keys\": [ half an edit");

    Eventually.until("the broken file is noticed", () -> set.health().lastFailure().isPresent());
    assertThat(set.health().lastFailure().orElseThrow().reason()).startsWith("not a JWK set: ");
    assertThat(kids(set.current().keys())).containsExactly("rsa-before");
  }

  @Test
  void missingFileFailsStart() {
    CachedKeySet set = CachedKeySet.create(vertx, KeySetSource.file(file));

    assertThatThrownBy(() -> await(set.start()))
        .isInstanceOf(KeySetFetchException.class)
        .hasMessageStartingWith("cannot read file: ")
        .hasMessageContaining(file.toString());
    assertThat(set.current().availability()).isEqualTo(KeyAvailability.NOT_LOADED);
  }

  @Test
  void fileThatIsNotAJwkSetFailsStart() throws Exception {
    write("-----BEGIN PUBLIC KEY-----");

    assertThatThrownBy(() -> await(CachedKeySet.create(vertx, KeySetSource.file(file)).start()))
        .isInstanceOf(KeySetFetchException.class)
        .hasMessageStartingWith("not a JWK set: ");
  }

  @Test
  void fileLargerThanMaxBytesIsNotRead() throws Exception {
    write(published(keys.rsaBefore, keys.rsaAfter, keys.ec));
    long size = Files.size(file);

    assertThatThrownBy(() -> await(CachedKeySet.create(vertx, KeySetSource.file(file).withMaxBytes(100)).start()))
        .isInstanceOf(KeySetFetchException.class)
        .hasMessage("file is " + size + " bytes, more than the 100 allowed");
  }

  @Test
  void directoryInsteadOfFileFailsStart() {
    assertThatThrownBy(() -> await(CachedKeySet.create(vertx, KeySetSource.file(dir)).start()))
        .isInstanceOf(KeySetFetchException.class)
        .hasMessage("not a regular file");
  }

  @Test
  void privateKeyPartsInTheFileAreNeverKept() throws Exception {
    write(leaked(keys.rsaBefore, keys.ec));

    CachedKeySet set = started(KeySetSource.file(file));

    assertThat(set.current().keys().getKeys()).hasSize(2).noneMatch(JWK::isPrivate);
  }

  private KeySetSource fastRefresh() {
    return KeySetSource.file(file).withRefreshInterval(Duration.ofMillis(100)).withMinRefreshGap(Duration.ZERO);
  }

  private CachedKeySet started(KeySetSource source) throws Exception {
    CachedKeySet set = CachedKeySet.create(vertx, source, null, Clock.systemUTC());
    started.add(set);
    await(set.start());
    return set;
  }

  private void write(JWKSet set) throws Exception {
    write(set.toString(false));
  }

  /** Replaces the file in one step, as a deployment tool would, so no read sees half a file. */
  private void write(String content) throws Exception {
    Path next = Files.writeString(dir.resolve("next.json"), content);
    Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
