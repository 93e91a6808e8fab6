package io.dcrgateway.fetch;

/** A URL the gateway does not fetch: nothing was sent anywhere. The message says why. */
public final class FetchRefusedException extends RuntimeException {

  public FetchRefusedException(String message) {
    super(message, null, false, false);
  }
}
