package io.dcrgateway.metrics;

import io.dcrgateway.statement.StatementObserver;
import io.dcrgateway.statement.StatementResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code dcr_gateway_software_statements_total{directory, result}}: software statements by the
 * configured directory their {@code iss} named ({@code unknown} when none) and what came of them.
 * A directory whose statements suddenly fail {@code bad_signature} rotated its keys or is being
 * impersonated; {@code too_old} climbing means TPPs cache statements past the directory's max-age.
 */
public final class StatementMetrics implements StatementObserver {

  static final String UNKNOWN_DIRECTORY = "unknown";

  private final MeterRegistry registry;
  private final Map<Key, Counter> counters = new ConcurrentHashMap<>();

  StatementMetrics(MeterRegistry registry, List<String> directories) {
    this.registry = registry;
    for (String directory : directories) {
      for (StatementResult result : StatementResult.values()) {
        counter(directory, result);
      }
    }
  }

  @Override
  public void checked(Optional<String> directory, StatementResult result) {
    counter(directory.orElse(UNKNOWN_DIRECTORY), result).increment();
  }

  /** Kept once registered: directories are configured ones or "unknown", results an enum. */
  private Counter counter(String directory, StatementResult result) {
    return counters.computeIfAbsent(new Key(directory, result), key -> Counter.builder("dcr_gateway_software_statements")
        .description("software statements checked, by directory and result")
        .tag("directory", key.directory()).tag("result", key.result().label())
        .register(registry));
  }

  private record Key(String directory, StatementResult result) {
  }
}
