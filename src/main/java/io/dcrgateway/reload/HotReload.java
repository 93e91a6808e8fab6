package io.dcrgateway.reload;

import io.dcrgateway.audit.AuditLog;
import io.dcrgateway.config.ConfigLoader;
import io.dcrgateway.config.ReloadConfig;
import io.dcrgateway.metrics.GatewayMetrics;
import io.dcrgateway.server.GatewayServer;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** What {@code run} sets up once the gateway listens: SIGHUP and, if configured, the file watch. */
public final class HotReload {

  private final Optional<FileWatch> watch;

  private HotReload(Optional<FileWatch> watch) {
    this.watch = watch;
  }

  public static HotReload install(Vertx vertx, Path configFile, ConfigLoader.Loaded running, GatewayServer server,
      GatewayMetrics metrics, AuditLog audit) {
    Reloader reloader = new Reloader(vertx, configFile, System::getenv, running.files(), server, metrics, audit);
    ReloadConfig settings = running.config().reload();
    Optional<FileWatch> watch = settings.watch()
        ? Optional.of(FileWatch.start(vertx, settings.interval(), reloader::watchedFiles,
            changed -> reloader.reload("files changed: " + names(changed))))
        : Optional.empty();
    HotReload hotReload = new HotReload(watch);
    // The watch would otherwise see what SIGHUP already applied and reload it a second time.
    HangupSignal.install(() -> reloader.reload("SIGHUP").onComplete(done -> watch.ifPresent(FileWatch::rebase)));
    return hotReload;
  }

  public void stop() {
    watch.ifPresent(FileWatch::stop);
  }

  private static String names(List<Path> files) {
    return files.stream().map(Path::toString).collect(Collectors.joining(", "));
  }
}
