package io.dcrgateway.config;

/**
 * How much of the file system {@link ConfigLoader} consults beyond the config file itself.
 * Certificate, key, anchor and JWKS paths must name readable regular files; the modes only differ
 * in which missing files they forgive. Their content is never read here (that is the tls and
 * statement packages' job, with their own errors).
 */
public enum FileChecks {

  /** Every referenced file must exist now. Use after {@code run} has generated the dev PKI. */
  REQUIRE_ALL,

  /**
   * As {@link #REQUIRE_ALL}, except that files under {@code dev.generate-pki} may be missing:
   * {@code run} generates them before anything reads them. Files there that do exist are
   * still checked.
   */
  ALLOW_PENDING_DEV_PKI,

  /** Syntax, types, ranges and cross-key rules only; no file is looked at. */
  SKIP
}
