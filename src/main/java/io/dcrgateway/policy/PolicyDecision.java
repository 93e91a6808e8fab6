package io.dcrgateway.policy;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * What the profile decided: forward (with the metadata as amended), or reject with the first
 * violation. {@code reported} lists violations a report-only profile let through.
 */
public record PolicyDecision(
    Optional<Violation> rejection, JsonObject metadata, boolean amended, List<Violation> reported) {

  public PolicyDecision {
    reported = List.copyOf(reported);
  }

  public boolean forward() {
    return rejection.isEmpty();
  }
}
