package io.dcrgateway.devpki;

/**
 * How {@link DevPki#generate} treats an existing directory and protects the PKCS#12 files.
 * {@code overwrite} false (the default) refuses to replace any file, so a dev PKI other
 * components already trust is never rotated by accident.
 */
public record DevPkiOptions(boolean overwrite, char[] pkcs12Password) {

  public static final String DEFAULT_PKCS12_PASSWORD = "changeit";

  public DevPkiOptions {
    pkcs12Password = pkcs12Password == null ? DEFAULT_PKCS12_PASSWORD.toCharArray() : pkcs12Password.clone();
  }

  public static DevPkiOptions defaults() {
    return new DevPkiOptions(false, null);
  }

  public DevPkiOptions withOverwrite(boolean replaceExisting) {
    return new DevPkiOptions(replaceExisting, pkcs12Password);
  }

  public DevPkiOptions withPkcs12Password(char[] password) {
    return new DevPkiOptions(overwrite, password);
  }

  @Override
  public char[] pkcs12Password() {
    return pkcs12Password.clone();
  }
}
