package io.dcrgateway.ownership;

import io.dcrgateway.error.ErrorCodes;
import io.dcrgateway.error.GatewayException;
import io.dcrgateway.statement.SoftwareStatement;
import io.dcrgateway.tls.VerifiedClient;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * RFC 7592 management calls (GET/PUT/DELETE) are accepted from any certificate of the software
 * that registered the client, and from no other (SPEC BRM-03: a second certificate of the same
 * software, or an organizationIdentifier certificate replacing an OU one, must work; another
 * software's certificate must not, even with a stolen registration access token). Refusals are
 * 401 JSON, never 403 (BRM-01).
 */
public final class OwnershipCheck {

  /** RFC 7235 §3.1: every 401 names a challenge; RFC 7592 §2.1 answers unknown clients as a bad token. */
  private static final java.util.Map<String, String> CHALLENGE =
      java.util.Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\"");

  private final OwnershipStore store;

  public OwnershipCheck(OwnershipStore store) {
    this.store = store;
  }

  public Future<Void> verify(String clientId, VerifiedClient client) {
    return store.owner(clientId).compose(owner -> {
      if (owner.isEmpty()) {
        return Future.failedFuture(new GatewayException(401, ErrorCodes.INVALID_CLIENT, "ownership.unknown-client",
            "client " + clientId + " is not registered through this gateway, or was deleted", CHALLENGE));
      }
      CertificateIdentity presented = CertificateIdentity.of(client.certificate());
      if (!presented.belongsTo(owner.get())) {
        return Future.failedFuture(new GatewayException(401, ErrorCodes.INVALID_CLIENT, "ownership.other-software",
            "the client certificate (" + presented.describe() + ") does not belong to software "
                + owner.get().softwareId() + " of organisation " + owner.get().orgId()
                + ", which registered client " + clientId, CHALLENGE));
      }
      return Future.succeededFuture();
    });
  }

  /** After a successful registration: the owner is the statement's software, else the certificate's. */
  public Future<Void> registered(String clientId, Optional<SoftwareStatement> statement, VerifiedClient client) {
    Optional<SoftwareIdentity> fromStatement = statement.flatMap(s -> s.softwareId()
        .flatMap(software -> s.orgId().map(org -> new SoftwareIdentity(software, org))));
    SoftwareIdentity owner = fromStatement.orElseGet(() -> CertificateIdentity.of(client.certificate()).primary());
    return store.record(clientId, owner);
  }

  public Future<Void> deleted(String clientId) {
    return store.forget(clientId);
  }
}
