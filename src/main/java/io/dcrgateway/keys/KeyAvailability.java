package io.dcrgateway.keys;

/**
 * Whether a key set may be used right now. Callers answer differently: a JWS signed with a key that
 * is not in an {@link #AVAILABLE} set is the sender's fault (400), while keys that are
 * {@link #NOT_LOADED} or {@link #STALE} are the gateway's problem (503, try again later).
 */
public enum KeyAvailability {
  /** Fetched within maxStaleness; the set may still be empty if the publisher lists no keys. */
  AVAILABLE,
  /** No fetch has succeeded yet. */
  NOT_LOADED,
  /** The last successful fetch is older than maxStaleness; fail closed until one succeeds. */
  STALE
}
