package io.dcrgateway.config;

/** {@code admin:}, the operators' plain-HTTP listener. */
final class AdminReader {

  private AdminReader() {
  }

  static AdminConfig read(Section admin) {
    admin.keys("enabled", "host", "port", "vertx-http-metrics");
    return new AdminConfig(
        admin.scalar("enabled").flatMap(Scalar::asBoolean).orElse(AdminConfig.DEFAULT.enabled()),
        admin.scalar("host").flatMap(Scalar::asHost).orElse(AdminConfig.DEFAULT_HOST),
        admin.scalar("port").flatMap(port -> port.asInt(1, 65535)).orElse(AdminConfig.DEFAULT_PORT),
        admin.scalar("vertx-http-metrics").flatMap(Scalar::asBoolean).orElse(AdminConfig.DEFAULT.vertxHttpMetrics()));
  }
}
