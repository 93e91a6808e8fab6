package io.dcrgateway.request;

import java.util.Optional;

/**
 * Correlation and origin of one request.
 *
 * @param requestId the client's {@code X-Request-Id} if well-formed, else one generated here
 * @param interactionId the FAPI {@code x-fapi-interaction-id} the client sent, echoed back
 * @param remoteAddress the TCP peer (the gateway is the edge: no inbound forwarding header is trusted)
 * @param host the Host the client addressed, for {@code X-Forwarded-Host}
 */
public record RequestContext(
    String requestId, Optional<String> interactionId, String remoteAddress, String host) {
}
