/**
 * Stage initial-access-token: the bearer token a registration carries on a route that requires
 * one (RFC 7591 §3), validated as a JWT access token against the identity server's keys or by
 * RFC 7662 introspection, its scope checked, and what it may register (templates, one client per
 * token). Answers follow RFC 6750 §3: 401 {@code invalid_token}, 403 {@code insufficient_scope},
 * each with its {@code WWW-Authenticate} challenge. The token itself is never logged or audited:
 * only its client, subject and {@code jti}.
 */
package io.dcrgateway.token;
