package io.dcrgateway.pipeline;

import io.dcrgateway.policy.Operation;
import io.dcrgateway.request.RegistrationRequest;
import io.dcrgateway.tls.VerifiedClient;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/**
 * Test access to the parse -> statement -> rules stages without sockets, so the fuzz test
 * (io.dcrgateway.hostile) can run them thousands of times a second on the real wiring.
 */
public final class RegistrationChecksAccess {

  private RegistrationChecksAccess() {
  }

  /** @return the body that would be forwarded, or the stage's failure */
  public static Future<Buffer> check(RegistrationChecks checks, RegistrationRequest request, VerifiedClient client,
      Operation operation) {
    return checks.check(request, client, operation).map(Forwarding::body);
  }
}
