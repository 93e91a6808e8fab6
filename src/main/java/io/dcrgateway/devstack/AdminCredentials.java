package io.dcrgateway.devstack;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Keycloak's bootstrap admin ({@code KC_BOOTSTRAP_ADMIN_USERNAME/PASSWORD}), generated for each
 * start: the in-memory database forgets it when Keycloak stops, and no fixed password ships.
 */
record AdminCredentials(String username, String password) {

  static AdminCredentials generate() {
    byte[] secret = new byte[12];
    new SecureRandom().nextBytes(secret);
    return new AdminCredentials("admin", HexFormat.of().formatHex(secret));
  }

  @Override
  public String toString() {
    return "AdminCredentials[" + username + "]";
  }
}
