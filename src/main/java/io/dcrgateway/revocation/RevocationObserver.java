package io.dcrgateway.revocation;

/** Told every method's answer and every decision: metrics count them. */
public interface RevocationObserver {

  RevocationObserver NONE = new RevocationObserver() {
    @Override
    public void answered(RevocationStatus status) {
    }

    @Override
    public void decided(String domain, RevocationOutcome outcome) {
    }
  };

  void answered(RevocationStatus status);

  void decided(String domain, RevocationOutcome outcome);
}
