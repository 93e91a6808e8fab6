package io.dcrgateway.config;

/** {@code audit:}, the trail's file. The file is created, so it need not exist. */
final class AuditReader {

  private AuditReader() {
  }

  static AuditConfig read(Section audit) {
    audit.keys("file", "max-file-size");
    return new AuditConfig(
        audit.scalar("file").flatMap(Scalar::asPath),
        audit.scalar("max-file-size").flatMap(size -> size.asBytes(64 * 1024, 1L << 40))
            .orElse(AuditConfig.DEFAULT_MAX_FILE_BYTES));
  }
}
