package io.dcrgateway.config;

import static io.dcrgateway.config.ListenerConfig.DEFAULT_HOST;
import static io.dcrgateway.config.ListenerConfig.DEFAULT_IDLE_TIMEOUT;
import static io.dcrgateway.config.ListenerConfig.DEFAULT_MAX_BODY_BYTES;
import static io.dcrgateway.config.ListenerConfig.DEFAULT_PORT;
import static io.dcrgateway.config.ListenerConfig.DEFAULT_REGISTRATION_PATH;

import io.dcrgateway.config.ListenerConfig.Limits;
import io.dcrgateway.config.ListenerConfig.RateLimit;
import io.dcrgateway.config.ListenerConfig.RateLimit.Bucket;
import io.dcrgateway.config.ListenerConfig.Transport;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code listener:}, the public mTLS side. */
final class ListenerReader {

  /** Far above any registration request; a cap on what one request may make the gateway buffer. */
  static final long MAX_BODY_LIMIT = 16 * 1024 * 1024;
  static final Duration MIN_IDLE_TIMEOUT = Duration.ofSeconds(1);
  static final Duration MAX_IDLE_TIMEOUT = Duration.ofHours(1);
  /** Below 1 KiB an ordinary browser-free client with a few headers would already be refused. */
  static final long MIN_HEADER_BYTES = 1024;
  static final long MAX_HEADER_BYTES = 64 * 1024;
  static final long MIN_INITIAL_LINE = 256;
  static final long MAX_INITIAL_LINE = 16 * 1024;
  static final int MAX_CONNECTIONS = 1_000_000;
  /** Each server has an event loop of its own; Vert.x makes twice the processors' loops. */
  static final int MAX_SERVERS = 64;
  static final Duration MIN_REQUEST_TIMEOUT = Duration.ofSeconds(1);
  static final Duration MAX_REQUEST_TIMEOUT = Duration.ofMinutes(10);

  private ListenerReader() {
  }

  static ListenerConfig read(Section listener) {
    listener.keys("host", "port", "registration-path", "max-body-size", "idle-timeout", "tls", "max-header-size",
        "max-initial-line-length", "max-connections", "request-timeout", "rate-limit", "transport", "servers");
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
            .orElse(DEFAULT_IDLE_TIMEOUT),
        limits(listener),
        listener.scalar("transport")
            .flatMap(transport -> transport.asOneOf(List.of(Transport.values()),
                value -> value.name().toLowerCase(Locale.ROOT)))
            .orElse(Transport.NATIVE),
        listener.scalar("servers").flatMap(ListenerReader::servers).orElse(ListenerConfig.SERVERS_PER_PROCESSOR));
  }

  /** {@code auto} (one per processor) or a count. */
  private static Optional<Integer> servers(Scalar servers) {
    if (servers.text().equals("auto")) {
      return Optional.of(ListenerConfig.SERVERS_PER_PROCESSOR);
    }
    if (servers.text().matches("[0-9]{1,9}")) {
      return servers.asInt(1, MAX_SERVERS);
    }
    servers.reject("auto or a whole number from 1 to " + MAX_SERVERS);
    return Optional.empty();
  }

  private static Limits limits(Section listener) {
    return new Limits(
        listener.scalar("max-header-size").flatMap(size -> size.asBytes(MIN_HEADER_BYTES, MAX_HEADER_BYTES))
            .map(Long::intValue).orElse(Limits.DEFAULT_MAX_HEADER_BYTES),
        listener.scalar("max-initial-line-length").flatMap(size -> size.asBytes(MIN_INITIAL_LINE, MAX_INITIAL_LINE))
            .map(Long::intValue).orElse(Limits.DEFAULT_MAX_INITIAL_LINE_LENGTH),
        listener.scalar("max-connections").flatMap(n -> n.asInt(1, MAX_CONNECTIONS))
            .orElse(Limits.DEFAULT_MAX_CONNECTIONS),
        listener.scalar("request-timeout").flatMap(t -> t.asDuration(MIN_REQUEST_TIMEOUT, MAX_REQUEST_TIMEOUT))
            .orElse(Limits.DEFAULT_REQUEST_TIMEOUT),
        listener.section("rate-limit").map(ListenerReader::rateLimit).orElse(RateLimit.DEFAULT));
  }

  private static RateLimit rateLimit(Section rate) {
    rate.keys("enabled", "requests", "per", "burst", "organisation");
    RateLimit defaults = RateLimit.DEFAULT;
    Bucket bucket = bucket(rate, new Bucket(defaults.requests(), defaults.per(), defaults.burst()));
    return new RateLimit(
        rate.scalar("enabled").flatMap(Scalar::asBoolean).orElse(defaults.enabled()),
        bucket.requests(), bucket.per(), bucket.burst(),
        rate.section("organisation").map(org -> {
          org.keys("requests", "per", "burst");
          return bucket(org, Bucket.DEFAULT);
        }).orElse(Bucket.DEFAULT));
  }

  private static Bucket bucket(Section rate, Bucket defaults) {
    int requests = rate.scalar("requests").flatMap(n -> n.asInt(1, 1_000_000)).orElse(defaults.requests());
    return new Bucket(requests,
        rate.scalar("per").flatMap(d -> d.asDuration(Duration.ofSeconds(1), Duration.ofHours(1))).orElse(defaults.per()),
        // A bucket smaller than one refill would refuse a client keeping exactly to the rate.
        rate.scalar("burst").flatMap(n -> n.asInt(1, 1_000_000)).orElse(Math.max(defaults.burst(), requests)));
  }
}
