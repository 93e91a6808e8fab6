package io.dcrgateway.config;

import java.time.Duration;

/** {@code reload:}, how changed files are noticed. */
final class ReloadReader {

  private ReloadReader() {
  }

  static ReloadConfig read(Section reload) {
    reload.keys("watch", "interval");
    return new ReloadConfig(
        reload.scalar("watch").flatMap(Scalar::asBoolean).orElse(ReloadConfig.DEFAULT.watch()),
        reload.scalar("interval").flatMap(v -> v.asDuration(Duration.ofMillis(100), Duration.ofHours(1)))
            .orElse(ReloadConfig.DEFAULT_INTERVAL));
  }
}
