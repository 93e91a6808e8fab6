package io.dcrgateway.statement;

import io.dcrgateway.config.DirectoryConfig;

/** A configured directory with its live signing keys. */
public record TrustedDirectory(DirectoryConfig config, VerificationKeys keys) {
}
