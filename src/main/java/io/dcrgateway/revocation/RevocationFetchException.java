package io.dcrgateway.revocation;

/** An OCSP responder or CRL location did not give a usable answer: a routine outage, no stack trace. */
final class RevocationFetchException extends RuntimeException {

  RevocationFetchException(String message) {
    super(message, null, false, false);
  }
}
