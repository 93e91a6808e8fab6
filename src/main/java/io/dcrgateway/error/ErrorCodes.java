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

  private ErrorCodes() {
  }
}
