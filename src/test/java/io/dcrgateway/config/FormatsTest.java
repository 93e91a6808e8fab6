package io.dcrgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Durations and sizes as written in the config, both ways. */
class FormatsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({"500ms, 500", "10s, 10000", "2m, 120000", "1h, 3600000", "0s, 0"})
  void durationsNeedAUnit(String text, long millis) {
    assertThat(DurationFormat.parse(text)).contains(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @ValueSource(strings = {"60", "1d", "1.5s", "-1s", "10 s", "10S", "", "1h30m"})
  void durationsOutsideTheGrammarAreRejected(String text) {
    assertThat(DurationFormat.parse(text)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"500, 500ms", "10000, 10s", "120000, 2m", "3600000, 1h", "1500, 1500ms", "90000, 90s"})
  void durationsFormatInTheLargestExactUnit(long millis, String text) {
    assertThat(DurationFormat.format(Duration.ofMillis(millis))).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"65536, 65536", "512B, 512", "64KiB, 65536", "1MiB, 1048576", "16MiB, 16777216"})
  void sizesAreBytesKibOrMib(String text, long bytes) {
    assertThat(ByteSizeFormat.parse(text)).contains(bytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"64KB", "64kb", "1MB", "1M", "64k", "1GiB", "1.5MiB", "-1", "64 KiB", ""})
  void sizesOutsideTheGrammarAreRejected(String text) {
    assertThat(ByteSizeFormat.parse(text)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"65536, 64KiB", "1048576, 1MiB", "1, 1B", "1500, 1500B"})
  void sizesFormatInTheLargestExactUnit(long bytes, String text) {
    assertThat(ByteSizeFormat.format(bytes)).isEqualTo(text);
  }
}
