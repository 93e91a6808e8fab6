package io.dcrgateway.statement;

import io.vertx.core.json.JsonObject;

/**
 * A TPP-signed registration request (UK Open Banking DCR: {@code application/jose}), verified.
 *
 * @param compact the JWS as received, for identity servers that take it as is
 * @param metadata its claims without the JWT envelope ({@code iss aud iat exp jti nbf}): the client metadata
 */
public record SignedRequest(String compact, JsonObject metadata, SoftwareStatement statement, String jti,
    long expiresAt) {
}
