package io.dcrgateway.revocation;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Where a CRL is read from: a configured file, or a distribution point URL named by a certificate. */
record CrlLocation(Optional<Path> file, Optional<URI> url, Duration timeout) {

  static CrlLocation file(Path file, Duration timeout) {
    return new CrlLocation(Optional.of(file), Optional.empty(), timeout);
  }

  static CrlLocation url(URI url, Duration timeout) {
    return new CrlLocation(Optional.empty(), Optional.of(url), timeout);
  }

  String key() {
    return file.map(f -> "file:" + f.toAbsolutePath()).orElseGet(() -> url.orElseThrow().toString());
  }

  @Override
  public String toString() {
    return file.map(Path::toString).orElseGet(() -> url.orElseThrow().toString());
  }
}
