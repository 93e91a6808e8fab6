package io.dcrgateway.crypto;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import io.dcrgateway.config.ConfigProblem;
import io.dcrgateway.config.CryptoConfig;
import io.dcrgateway.config.SetupException;
import java.security.Provider;
import java.util.List;
import java.util.Optional;

/**
 * The library behind the gateway's own public-key operations, chosen once at start-up from
 * {@code crypto.provider}: AWS-LC through the Amazon Corretto Crypto Provider (ACCP), used
 * explicitly and never installed as a JVM-wide provider, or the built-in code (BoringSSL for
 * TLS, the JDK for JWTs). Both are correct; AWS-LC is faster on the operations that dominate a
 * registration (README, Performance).
 *
 * @param awsLc ACCP, when chosen and loaded
 * @param description what the start-up line says
 */
public record PublicKeyCrypto(Optional<Provider> awsLc, String description) {

  /** The built-in code only, as tests and tools that do not care get it. */
  public static final PublicKeyCrypto BUILT_IN = new PublicKeyCrypto(Optional.empty(), "built-in (BoringSSL, JDK)");

  private static final class Loaded {
    // Loading ACCP extracts and links its native library: once per JVM, on first use.
    static final Optional<String> PROBLEM = problem();

    private static Optional<String> problem() {
      try {
        Throwable error = AmazonCorrettoCryptoProvider.INSTANCE.getLoadingError();
        if (error != null) {
          return Optional.of(String.valueOf(error.getMessage()));
        }
        AmazonCorrettoCryptoProvider.INSTANCE.assertHealthy();
        return Optional.empty();
      } catch (RuntimeException | LinkageError e) {
        return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
  }

  /**
   * Loads AWS-LC now, on the caller's thread (a start-up thread of its own, while config is read):
   * extracting and linking its native library is about 160 ms. Never fails; {@link #select} reports.
   */
  public static void preload() {
    Loaded.PROBLEM.isPresent();
  }

  /**
   * @throws SetupException when {@code aws-lc} is required and does not load on this machine
   */
  public static PublicKeyCrypto select(CryptoConfig.Provider choice) throws SetupException {
    if (choice == CryptoConfig.Provider.BUILT_IN) {
      return BUILT_IN;
    }
    Optional<String> problem = Loaded.PROBLEM;
    if (problem.isEmpty()) {
      AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
      return new PublicKeyCrypto(Optional.of(accp),
          accp.getAwsLcVersionStr() + " (ACCP " + accp.getVersionStr() + ")");
    }
    String reason = "AWS-LC (ACCP) does not load on " + System.getProperty("os.name") + "/"
        + System.getProperty("os.arch") + ": " + problem.get();
    if (choice == CryptoConfig.Provider.AWS_LC) {
      throw new SetupException(List.of(new ConfigProblem("crypto.provider",
          reason + "; set auto (AWS-LC where it loads) or built-in")));
    }
    return new PublicKeyCrypto(Optional.empty(), BUILT_IN.description + "; " + reason);
  }
}
