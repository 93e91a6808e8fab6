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

  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(OwnershipCheck.class.getName());

  private final OwnershipStore store;

  public OwnershipCheck(OwnershipStore store) {
    this.store = store;
  }

  public Future<Void> verify(String clientId, VerifiedClient client) {
    return store.owner(clientId).recover(OwnershipCheck::unavailable).compose(owner -> {
      if (owner.isEmpty()) {
        return Future.failedFuture(new GatewayException(401, ErrorCodes.INVALID_CLIENT, "ownership.unknown-client",
            "client " + clientId + " is not registered through this gateway, or was deleted", CHALLENGE));
      }
      CertificateIdentity presented = CertificateIdentity.of(client);
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
    SoftwareIdentity owner = ownerOf(statement, client);
    // The identity server holds the client now: failing the answer would leave the TPP without its
    // client_id and orphan the client. It is answered; managing it through the gateway will be refused.
    return store.record(clientId, owner).recover(e -> {
      LOG.severe("client " + clientId + " was registered but its owner could not be recorded ("
          + e.getMessage() + "); management calls for it will be refused as unknown");
      return Future.succeededFuture();
    });
  }

  /** The statement's software, else the certificate's: who a registration belongs to. */
  public static SoftwareIdentity ownerOf(Optional<SoftwareStatement> statement, VerifiedClient client) {
    return statement.flatMap(s -> s.softwareId().flatMap(software -> s.orgId().map(org -> new SoftwareIdentity(software, org))))
        .orElseGet(() -> CertificateIdentity.of(client).primary());
  }

  /**
   * The client is gone at the identity server: failing to forget it only leaves a stale entry.
   *
   * @return who owned it, when that could be read
   */
  public Future<Optional<SoftwareIdentity>> deleted(String clientId) {
    return store.owner(clientId)
        .compose(owner -> store.forget(clientId).map(owner))
        .recover(e -> {
          LOG.warning("client " + clientId + " was deleted but its owner entry stays: " + e.getMessage());
          return Future.succeededFuture(Optional.empty());
        });
  }

  private static <T> Future<T> unavailable(Throwable e) {
    return Future.failedFuture(new GatewayException(503, ErrorCodes.TEMPORARILY_UNAVAILABLE,
        "ownership.store-unavailable", "the gateway cannot check who registered this client right now; retry later"));
  }
}
