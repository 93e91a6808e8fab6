package io.dcrgateway.config;

/** {@code dev:}, present only in development configs. */
final class DevReader {

  private DevReader() {
  }

  static DevConfig read(Section dev) {
    dev.keys("generate-pki");
    return new DevConfig(dev.required("generate-pki", "directory where run generates a dev PKI when missing")
        ? dev.scalar("generate-pki").flatMap(Scalar::asPath).orElse(null)
        : null);
  }
}
