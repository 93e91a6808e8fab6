package io.dcrgateway.devpki;

import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;

/** Reads back a private RSA JWK that {@link DevPki} wrote (directory or TPP signing key). */
final class PrivateJwkFile {

  private PrivateJwkFile() {
  }

  static RSAKey read(Path file) throws IOException {
    try {
      RSAKey key = RSAKey.parse(Files.readString(file));
      if (!key.isPrivate()) {
        throw new IOException(file + ": not a private key");
      }
      return key;
    } catch (ParseException | IllegalArgumentException e) {
      throw new IOException(file + ": not an RSA JWK: " + e.getMessage(), e);
    }
  }
}
