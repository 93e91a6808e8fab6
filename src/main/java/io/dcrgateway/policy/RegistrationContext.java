package io.dcrgateway.policy;

import io.dcrgateway.statement.SoftwareStatement;
import io.dcrgateway.tls.VerifiedClient;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * What rules look at: the client metadata as it stands (after earlier amendments), the verified
 * software statement, and the verified TLS client.
 *
 * @param metadata the client metadata (JSON body, or the claims of a TPP-signed request JWT);
 *     rules never mutate it, they return an amended copy
 * @param client null on a route without client certificates (initial access token only); rules
 *     that need a certificate refuse there
 * @param clientId the client addressed by a management call
 */
public record RegistrationContext(
    Operation operation,
    JsonObject metadata,
    Optional<SoftwareStatement> statement,
    VerifiedClient client,
    Optional<String> clientId) {

  public RegistrationContext withMetadata(JsonObject amended) {
    return new RegistrationContext(operation, amended, statement, client, clientId);
  }
}
