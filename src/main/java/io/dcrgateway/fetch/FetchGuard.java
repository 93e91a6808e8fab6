package io.dcrgateway.fetch;

import io.vertx.core.Future;
import java.net.URI;

/** Decides whether a URL may be fetched, and where to connect if so. */
public interface FetchGuard {

  /** For URLs the operator wrote in the config: fetched as they are, resolved by Vert.x. */
  FetchGuard TRUSTED = url -> Future.succeededFuture(FetchTarget.unpinned(url));

  /**
   * @return the target to connect to, or a failed future with {@link FetchRefusedException}
   *     saying why the URL is not fetched
   */
  Future<FetchTarget> vet(URI url);
}
