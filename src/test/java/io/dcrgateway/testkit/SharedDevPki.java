package io.dcrgateway.testkit;

import io.dcrgateway.devpki.DevPki;
import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.devpki.DevPkiOptions;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One dev PKI per test JVM, generated with the product's own {@code dev-pki} code (real
 * BouncyCastle certificates); RSA key generation is the slow part, so tests share it.
 */
public final class SharedDevPki {

  private static DevPkiLayout layout;

  private SharedDevPki() {
  }

  public static synchronized DevPkiLayout layout() {
    if (layout == null) {
      try {
        Path dir = Files.createTempDirectory("dcr-gateway-test-pki");
        DevPki.generate(dir, DevPkiOptions.defaults());
        layout = new DevPkiLayout(dir);
      } catch (Exception e) {
        throw new IllegalStateException("cannot generate the test PKI", e);
      }
    }
    return layout;
  }
}
