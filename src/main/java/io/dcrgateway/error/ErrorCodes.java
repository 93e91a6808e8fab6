package io.dcrgateway.error;

/** The {@code error} values the gateway emits (RFC 7591 §3.2.2, RFC 6749 §5.2, and gateway ones). */
public final class ErrorCodes {
  public static final String INVALID_CLIENT = "invalid_client";
  public static final String INVALID_REQUEST = "invalid_request";
  public static final String INVALID_CLIENT_METADATA = "invalid_client_metadata";
  public static final String INVALID_REDIRECT_URI = "invalid_redirect_uri";
  public static final String INVALID_SOFTWARE_STATEMENT = "invalid_software_statement";
  public static final String UNAPPROVED_SOFTWARE_STATEMENT = "unapproved_software_statement";
  public static final String NOT_FOUND = "not_found";
  public static final String METHOD_NOT_ALLOWED = "method_not_allowed";
  public static final String REQUEST_TOO_LARGE = "request_too_large";
  public static final String BAD_GATEWAY = "bad_gateway";
  public static final String GATEWAY_TIMEOUT = "gateway_timeout";
  public static final String SERVER_ERROR = "server_error";
  public static final String TEMPORARILY_UNAVAILABLE = "temporarily_unavailable";
  public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
  /**
   * 429, one certificate over its rate limit. Neither RFC 6749 nor RFC 7591 has a code for it;
   * named after its HTTP status like the gateway's other own codes ({@code request_too_large},
   * {@code bad_gateway}). Not {@code slow_down}: RFC 8628 §3.5 defines that for device-flow
   * polling, and client libraries act on it there. Not {@code temporarily_unavailable}: that says
   * the server is at fault, and here the client is.
   */
  public static final String TOO_MANY_REQUESTS = "too_many_requests";
  /** 401, RFC 6750 §3.1: the initial access token is missing, expired, revoked or malformed. */
  public static final String INVALID_TOKEN = "invalid_token";
  /** 403, RFC 6750 §3.1: the token is valid but lacks the scope registration requires. */
  public static final String INSUFFICIENT_SCOPE = "insufficient_scope";
  /** 408, the request was not complete within the listener's request timeout. */
  public static final String REQUEST_TIMEOUT = "request_timeout";

  private ErrorCodes() {
  }
}
