package io.dcrgateway.replay;

/**
 * The store cannot say whether an id was used before (full, or a shared store unreachable). The
 * request is refused with 503 rather than risk accepting a replay.
 */
public final class ReplayStoreUnavailableException extends RuntimeException {

  public ReplayStoreUnavailableException(String message) {
    super(message, null, false, false);
  }

  public ReplayStoreUnavailableException(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
