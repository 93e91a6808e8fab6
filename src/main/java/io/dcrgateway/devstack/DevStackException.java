package io.dcrgateway.devstack;

/** A step of {@code dev-stack} failed; the message is the one line the user sees. */
final class DevStackException extends Exception {

  private static final long serialVersionUID = 1L;

  DevStackException(String message) {
    super(message);
  }

  DevStackException(String message, Throwable cause) {
    super(message, cause);
  }
}
