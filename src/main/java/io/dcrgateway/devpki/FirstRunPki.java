package io.dcrgateway.devpki;

import io.dcrgateway.config.ConfigException;
import io.dcrgateway.config.ConfigProblem;
import io.dcrgateway.config.DevConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** The shipped dev config names a dev PKI directory a fresh clone does not have yet: make it once. */
public final class FirstRunPki {

  private FirstRunPki() {
  }

  /**
   * @param configFile for the error message, which names the config key
   * @param say where to tell the operator that a PKI was generated
   * @throws ConfigException when the PKI cannot be generated
   */
  public static void ensure(DevConfig dev, Path configFile, Consumer<String> say) {
    if (Files.exists(new DevPkiLayout(dev.generatePki()).manifest())) {
      return;
    }
    try {
      DevPki.generate(dev.generatePki(), DevPkiOptions.defaults());
      say.accept("generated a development PKI in " + dev.generatePki()
          + " (dev.generate-pki; never use it in production)");
    } catch (Exception e) {
      throw new ConfigException(configFile, List.of(new ConfigProblem("dev.generate-pki",
          "cannot generate the development PKI in " + dev.generatePki() + ": " + e.getMessage())));
    }
  }
}
