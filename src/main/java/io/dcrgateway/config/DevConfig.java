package io.dcrgateway.config;

import java.nio.file.Path;

/**
 * Development conveniences. {@code generatePki}: when the listed directory has no dev PKI yet,
 * {@code run} generates one there before loading trust material (never in production configs).
 * Because of that, {@link ConfigLoader#load(Path)} lets files under this directory be missing
 * (see {@link FileChecks#ALLOW_PENDING_DEV_PKI}).
 */
public record DevConfig(Path generatePki) {
}
