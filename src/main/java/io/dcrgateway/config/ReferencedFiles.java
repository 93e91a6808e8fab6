package io.dcrgateway.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks that the certificate, key, anchor and JWKS files a config names are there, so a typo in
 * a path is reported with its key at load time rather than as a PEM error at startup. Content is
 * not read: the tls package parses the PEM, the statement package the JWKS, each with its own
 * errors.
 */
final class ReferencedFiles {

  /** A file path and the key that named it ({@code trust.domains[0].anchors[1]}). */
  record Reference(String key, Path file) {
  }

  private ReferencedFiles() {
  }

  /**
   * @param pendingDir files under it may be missing: something (run's dev PKI generation) will
   *     create them before they are read
   */
  static void check(ReadContext context, Optional<Path> pendingDir) {
    for (Reference reference : context.referencedFiles()) {
      Path file = reference.file();
      if (!Files.exists(file)) {
        if (pendingDir.isEmpty() || !file.startsWith(pendingDir.get())) {
          context.problem(reference.key(), "file not found: " + file);
        }
      } else if (!Files.isRegularFile(file)) {
        context.problem(reference.key(), "not a regular file: " + file);
      } else if (!Files.isReadable(file)) {
        context.problem(reference.key(), "file not readable (check its permissions): " + file);
      }
    }
  }

  /** The dev PKI directory may be missing (run creates it) but must not be something else. */
  static void checkDirectory(ReadContext context, String key, Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      context.problem(key, "not a directory: " + dir);
    }
  }
}
