package io.dcrgateway.config;

import java.nio.file.Path;

/**
 * Development conveniences. {@code generatePki}: when the listed directory has no dev PKI yet,
 * {@code run} generates one there before loading trust material (never in production configs).
 */
public record DevConfig(Path generatePki) {
}
