package io.dcrgateway.config;

import java.util.Optional;

/**
 * One more registration endpoint on the public listener, besides {@code listener.registration-path}
 * (which stays the mutual-TLS route with {@code registration.profile}): a path, the profile its
 * registrations are checked against, and how callers authenticate. Mobile apps have no
 * certificate, so a route may take an initial access token alone (the listener's client-auth
 * {@code request} lets TLS complete without one).
 *
 * @param path the registration endpoint, e.g. {@code /register/mobile}; RFC 7592 management of the
 *     clients registered here is {@code <path>/{client_id}}, authenticated by the identity server's
 *     registration access token
 * @param clientCertificate a verified client certificate is required (and forwarded) as on the
 *     default route
 * @param initialAccessToken the bearer token a registration must carry, when required
 */
public record RouteConfig(String path, String profile, boolean clientCertificate,
    Optional<InitialAccessTokenConfig> initialAccessToken) {
}
