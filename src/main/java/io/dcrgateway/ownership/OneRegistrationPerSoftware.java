package io.dcrgateway.ownership;

import io.dcrgateway.config.RegistrationConfig.OneRegistration;
import io.dcrgateway.error.ErrorCodes;
import io.dcrgateway.error.GatewayException;
import io.dcrgateway.statement.SoftwareStatement;
import io.dcrgateway.tls.VerifiedClient;
import io.vertx.core.Future;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * SPEC BR-18, when configured: a software with a client registered through the gateway is refused
 * another until that client is deleted through the gateway. The registration claims its software
 * before it is forwarded (so two at once, on any instances, cannot both pass), the claim then names
 * the client issued, and it is released when the identity server refuses or the client is deleted.
 */
public final class OneRegistrationPerSoftware {

  private static final Logger LOG = Logger.getLogger(OneRegistrationPerSoftware.class.getName());
  public static final String REASON = "registration.software-already-registered";

  /** A claim this request holds: released if the identity server does not register the client. */
  public record Claim(SoftwareIdentity software, String holder) {
  }

  private final OneRegistration config;
  private final SoftwareRegistrations registrations;

  public OneRegistrationPerSoftware(OneRegistration config, SoftwareRegistrations registrations) {
    this.config = config;
    this.registrations = registrations;
  }

  /** Empty when the rule is off; fails 400 when the software holds a registration, 503 when unknown. */
  public Future<Optional<Claim>> claim(Optional<SoftwareStatement> statement, VerifiedClient client, String requestId) {
    if (!config.enabled()) {
      return Future.succeededFuture(Optional.empty());
    }
    SoftwareIdentity software = OwnershipCheck.ownerOf(statement, client);
    String pending = "pending:" + requestId;
    return registrations.claim(software, pending, config.releaseAfter())
        .recover(OneRegistrationPerSoftware::unavailable)
        .compose(claimed -> claimed ? Future.succeededFuture(Optional.of(new Claim(software, pending)))
            : registrations.holder(software).recover(OneRegistrationPerSoftware::unavailable)
                .compose(holder -> Future.failedFuture(refusal(software, holder))));
  }

  /** The identity server issued {@code clientId}: the claim names it from now on. */
  public Future<Void> registered(Optional<Claim> claim, String clientId) {
    return claim.map(c -> registrations.assign(c.software(), clientId, config.releaseAfter())
        .recover(e -> {
          LOG.warning("software " + c.software().softwareId() + " registered client " + clientId
              + " but the claim could not name it: " + e.getMessage());
          return Future.succeededFuture();
        })).orElse(Future.succeededFuture());
  }

  /** The identity server did not register anything: the software may try again. */
  public Future<Void> abandoned(Optional<Claim> claim) {
    return claim.map(c -> registrations.release(c.software(), c.holder()).recover(e -> Future.succeededFuture()))
        .orElse(Future.succeededFuture());
  }

  /** The client was deleted through the gateway: its software may register again. */
  public Future<Void> deleted(Optional<SoftwareIdentity> owner, String clientId) {
    if (!config.enabled() || owner.isEmpty()) {
      return Future.succeededFuture();
    }
    return registrations.release(owner.get(), clientId).recover(e -> {
      LOG.warning("client " + clientId + " was deleted but software " + owner.get().softwareId()
          + " still counts as registered: " + e.getMessage());
      return Future.succeededFuture();
    });
  }

  private GatewayException refusal(SoftwareIdentity software, Optional<String> holder) {
    String held = holder.filter(h -> !h.startsWith("pending:"))
        .map(clientId -> "already has client " + clientId + " registered through this gateway; delete it (DELETE"
            + " on its registration_client_uri) before registering again")
        .orElse("has a registration in progress; retry once it has completed");
    return new GatewayException(400, config.error(), REASON,
        "software " + software.softwareId() + " of organisation " + software.orgId() + " " + held
            + " (one registration per software statement)");
  }

  private static <T> Future<T> unavailable(Throwable e) {
    return Future.failedFuture(new GatewayException(503, ErrorCodes.TEMPORARILY_UNAVAILABLE,
        "registration.store-unavailable", "the gateway cannot check this software's registrations right now; retry later"));
  }
}
