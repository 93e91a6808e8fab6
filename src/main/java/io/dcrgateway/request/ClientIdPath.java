package io.dcrgateway.request;

import io.dcrgateway.error.ErrorCodes;
import io.dcrgateway.error.GatewayException;
import java.util.regex.Pattern;

/**
 * The {@code {client_id}} path segment of RFC 7592 management calls. It is re-encoded into the
 * upstream path, so anything that could change which resource the identity server addresses
 * (slashes, dot segments, control characters) is refused here.
 */
public final class ClientIdPath {

  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._~:@!$&'()*+,;=-]{1,256}");

  private ClientIdPath() {
  }

  /** @param decoded the path parameter as the router decoded it */
  public static String validate(String decoded) {
    if (decoded == null || !ALLOWED.matcher(decoded).matches() || decoded.equals(".") || decoded.equals("..")) {
      throw new GatewayException(400, ErrorCodes.INVALID_REQUEST, "request.client-id.malformed",
          "client_id in the path must be 1 to 256 URI path characters without '/', '%' or dot segments");
    }
    return decoded;
  }
}
