/**
 * Outbound fetches of URLs a request or a client certificate names (a UK software statement's
 * {@code software_jwks_endpoint}, OCSP responders and CRL distribution points in certificates):
 * where the gateway may go, decided before it connects, and the address it then connects to.
 */
package io.dcrgateway.fetch;
