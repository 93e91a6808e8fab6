package io.dcrgateway.keys;

/**
 * The gateway has no trustworthy keys for a source (never loaded, or stale). This is the
 * gateway's problem, not the sender's: the verification stage maps it to 503, never to 400.
 */
public final class KeySetUnavailableException extends RuntimeException {

  private final String location;
  private final KeyAvailability availability;

  public KeySetUnavailableException(String location, KeyAvailability availability, String detail) {
    super("keys from " + location + " are unavailable (" + availability + "): " + detail, null, false, false);
    this.location = location;
    this.availability = availability;
  }

  public String location() {
    return location;
  }

  public KeyAvailability availability() {
    return availability;
  }
}
