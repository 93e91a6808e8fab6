package io.dcrgateway.config;

import java.util.Objects;

/**
 * One thing wrong with a configuration file.
 *
 * @param key where, as a path into the YAML ({@code listener.tls.protocols[1]}); empty when the
 *     problem is the document itself (syntax error, empty file)
 * @param message what is wrong and what is allowed, e.g.
 *     {@code must be an integer between 1 and 65535, got "84x3"}
 */
public record ConfigProblem(String key, String message) {

  public ConfigProblem {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(message, "message");
  }

  /** {@code key: message}, or just the message for whole-document problems. */
  @Override
  public String toString() {
    return key.isEmpty() ? message : key + ": " + message;
  }
}
