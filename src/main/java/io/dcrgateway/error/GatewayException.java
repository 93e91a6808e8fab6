package io.dcrgateway.error;

import java.util.Map;

/**
 * A decision not to serve a request, carrying everything the one error writer needs:
 * the HTTP status, the RFC 7591 §3.2.2 {@code error} code and a description the TPP can act on.
 * Stages fail with this (or a subclass); {@link ErrorResponder} is the only place that turns it
 * into a response, so every rejection looks the same on the wire.
 */
public class GatewayException extends RuntimeException {

  private final int status;
  private final String error;
  private final String reason;
  private final Map<String, String> headers;

  /**
   * @param reason a stable machine id for audit and metrics (e.g. {@code tls.client-cert.expired});
   *     never shown to the client beyond its description
   */
  public GatewayException(int status, String error, String reason, String description) {
    this(status, error, reason, description, Map.of());
  }

  public GatewayException(
      int status, String error, String reason, String description, Map<String, String> headers) {
    super(description, null, false, false);
    this.status = status;
    this.error = error;
    this.reason = reason;
    this.headers = Map.copyOf(headers);
  }

  public int status() {
    return status;
  }

  public String error() {
    return error;
  }

  public String reason() {
    return reason;
  }

  public String description() {
    return getMessage();
  }

  public Map<String, String> headers() {
    return headers;
  }
}
