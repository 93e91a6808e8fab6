package io.dcrgateway.state;

/** The shared store could not be asked: callers answer 503, never guess. */
public final class SharedStateUnavailableException extends RuntimeException {

  public SharedStateUnavailableException(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
