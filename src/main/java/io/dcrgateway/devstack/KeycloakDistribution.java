package io.dcrgateway.devstack;

import java.nio.file.Files;
import java.nio.file.Path;

/** An unpacked {@code keycloak-quarkus-dist}: the directory holding {@code bin/kc.sh}. */
record KeycloakDistribution(Path home) {

  /** Where the pom's {@code unpack-keycloak} execution puts the version the tests run against. */
  static final String DEFAULT_HOME = "target/keycloak/keycloak-26.7.3";
  /** Works from a fresh clone: the e2e profile is active unless -DskipE2E is given. */
  static final String FETCH_COMMAND = "./mvnw -B -q -DskipTests package dependency:unpack@unpack-keycloak";

  static KeycloakDistribution at(Path home) throws DevStackException {
    if (!Files.isRegularFile(home.resolve("bin").resolve("kc.sh"))) {
      throw new DevStackException("no Keycloak distribution in " + home + " (bin/kc.sh not found);"
          + " fetch it with: " + FETCH_COMMAND + "  (or pass --keycloak-home DIR)");
    }
    return new KeycloakDistribution(home);
  }

  Path script() {
    return home.resolve("bin").resolve("kc.sh").toAbsolutePath();
  }

  /** kc.sh --import-realm reads only this directory. */
  Path importDirectory() {
    return home.resolve("data").resolve("import");
  }
}
