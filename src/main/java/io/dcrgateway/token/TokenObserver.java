package io.dcrgateway.token;

/** Told the outcome of every initial access token check (metrics). */
public interface TokenObserver {

  TokenObserver NONE = (route, validation, result) -> { };

  /**
   * @param route the route's path
   * @param validation {@code jwt} or {@code introspection}
   * @param result {@code valid}, or the reason id of the refusal without its {@code token.} prefix
   *     ({@code expired}, {@code inactive}, {@code insufficient-scope}, ...)
   */
  void checked(String route, String validation, String result);
}
