package io.dcrgateway.config;

import static io.dcrgateway.config.ListenerConfig.DEFAULT_HOST;
import static io.dcrgateway.config.ListenerConfig.DEFAULT_IDLE_TIMEOUT;
import static io.dcrgateway.config.ListenerConfig.DEFAULT_MAX_BODY_BYTES;
import static io.dcrgateway.config.ListenerConfig.DEFAULT_PORT;
import static io.dcrgateway.config.ListenerConfig.DEFAULT_REGISTRATION_PATH;

import java.time.Duration;

/** {@code listener:}, the public mTLS side. */
final class ListenerReader {

  /** Far above any registration request; a cap on what one request may make the gateway buffer. */
  static final long MAX_BODY_LIMIT = 16 * 1024 * 1024;
  static final Duration MIN_IDLE_TIMEOUT = Duration.ofSeconds(1);
  static final Duration MAX_IDLE_TIMEOUT = Duration.ofHours(1);

  private ListenerReader() {
  }

  static ListenerConfig read(Section listener) {
    listener.keys("host", "port", "registration-path", "max-body-size", "idle-timeout", "tls");
    return new ListenerConfig(
        listener.scalar("host").flatMap(Scalar::asHost).orElse(DEFAULT_HOST),
        listener.scalar("port").flatMap(port -> port.asInt(1, 65535)).orElse(DEFAULT_PORT),
        ServerTlsReader.read(listener.sectionOrEmpty("tls")),
        listener.scalar("registration-path").flatMap(RequestPath::read).orElse(DEFAULT_REGISTRATION_PATH),
        listener.scalar("max-body-size")
            .flatMap(size -> size.asBytes(1, MAX_BODY_LIMIT))
            .orElse(DEFAULT_MAX_BODY_BYTES),
        listener.scalar("idle-timeout")
            .flatMap(timeout -> timeout.asDuration(MIN_IDLE_TIMEOUT, MAX_IDLE_TIMEOUT))
            .orElse(DEFAULT_IDLE_TIMEOUT));
  }
}
