package io.dcrgateway.config;

import java.time.Duration;

/**
 * When the running gateway reloads its config: always on SIGHUP, and with {@code watch} when the
 * config file or a file it names (certificates, keys, anchors, CRLs, JWKS, profiles) changes.
 * Files are polled, not watched through inotify: Kubernetes replaces mounted Secrets and
 * ConfigMaps by swapping a symlink, which polling sees and directory watches easily miss.
 *
 * @param interval how often the files are looked at; a change is applied once two looks agree,
 *     so a certificate and its key copied one after the other are reloaded together
 */
public record ReloadConfig(boolean watch, Duration interval) {

  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);
  public static final ReloadConfig DEFAULT = new ReloadConfig(true, DEFAULT_INTERVAL);
}
