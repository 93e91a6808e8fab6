package io.dcrgateway.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the audit trail goes. Every decision is always logged (logger {@code io.dcrgateway.audit});
 * with {@code file}, it is also appended to a hash-chained file an auditor can verify with
 * {@code dcr-gateway audit verify}.
 *
 * @param maxFileBytes the file is rotated (renamed with a timestamp) beyond this size
 */
public record AuditConfig(Optional<Path> file, long maxFileBytes) {

  public static final long DEFAULT_MAX_FILE_BYTES = 100L * 1024 * 1024;
  public static final AuditConfig DEFAULT = new AuditConfig(Optional.empty(), DEFAULT_MAX_FILE_BYTES);
}
