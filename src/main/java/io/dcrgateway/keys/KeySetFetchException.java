package io.dcrgateway.keys;

/**
 * A routine reason a key set could not be fetched or read (HTTP status, size, parse error,
 * timeout). Carries no stack trace: the message alone tells the operator what to fix, and a
 * publisher outage must not fill the log with traces.
 */
public final class KeySetFetchException extends RuntimeException {

  public KeySetFetchException(String message) {
    super(message, null, false, false);
  }
}
