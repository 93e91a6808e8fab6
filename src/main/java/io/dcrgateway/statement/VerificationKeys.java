package io.dcrgateway.statement;

import com.nimbusds.jose.jwk.JWKSet;
import io.vertx.core.Future;
import java.util.Optional;

/** A trusted key set as verification needs it: a snapshot now, and one refetch for an unknown kid. */
public interface VerificationKeys {

  /** Keys usable now; empty when unavailable (never fetched, or older than the staleness limit). */
  Optional<JWKSet> current();

  /** Fetches again (rate-limited, shared by concurrent callers) because {@code kid} is unknown. */
  Future<Optional<JWKSet>> refreshFor(String kid);
}
