package io.dcrgateway.config;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns a YAML config file into one validated, immutable {@link GatewayConfig}, or a
 * {@link ConfigException} listing every problem found: syntax, unknown and duplicate keys,
 * unresolvable {@code ${VAR}} references, types, ranges, rules across keys and missing files.
 *
 * <p>Blocking (reads files): call it at startup or from {@code executeBlocking}, never on an
 * event loop.
 */
public final class ConfigLoader {

  private ConfigLoader() {
  }

  /** Environment from the process; files under {@code dev.generate-pki} may still be missing. */
  public static GatewayConfig load(Path file) {
    return load(file, System::getenv);
  }

  /**
   * As {@link #load(Path)} with an explicit environment.
   *
   * @param env variable name to value, {@code null} when unset (tests pass a map's {@code get})
   */
  public static GatewayConfig load(Path file, Function<String, String> env) {
    return load(file, env, FileChecks.ALLOW_PENDING_DEV_PKI);
  }

  /** Everything except the file system: for validating a config on a machine without its PKI. */
  public static GatewayConfig parse(Path file, Function<String, String> env) {
    return load(file, env, FileChecks.SKIP);
  }

  /**
   * @param files how referenced certificate, key, anchor and JWKS files are checked; after
   *     {@code run} has generated the dev PKI, {@link FileChecks#REQUIRE_ALL} confirms it is
   *     complete
   */
  public static GatewayConfig load(Path file, Function<String, String> env, FileChecks files) {
    return loadWithFiles(file, env, files).config();
  }

  /**
   * Reads a profile shipped in the jar as an entry of {@code registration.profiles:} is read: the
   * same keys, rule parameters typed the same way, no environment for {@code ${VAR}}. Keys are
   * prefixed with {@code source} ({@code profiles/generic.yaml:rules[3]}).
   *
   * @throws IllegalStateException when it does not read: a defect of the build, not of a config
   */
  public static ProfileConfig builtInProfile(String source, String yaml) {
    ReadContext context = new ReadContext(Path.of(""), new EnvSubstitution(name -> null));
    Optional<ProfileConfig> profile = YamlDocument.parse(yaml, context)
        .map(root -> ProfileReader.read(Section.root(root, context), new DuplicateCheck("")));
    if (!context.problems().isEmpty()) {
      throw new IllegalStateException("built-in profile " + source + " does not read: " + context.problems().stream()
          .map(problem -> source + ":" + problem).collect(Collectors.joining("; ")));
    }
    ProfileConfig read = profile.orElseThrow();
    return new ProfileConfig(read.name(), source, read.reportOnly(), read.requireSoftwareStatement(),
        read.rules().stream()
            .map(rule -> new ProfileConfig.RuleConfig(rule.id(), source + ":" + rule.key(), rule.params()))
            .toList());
  }

  /** A config and every file it was read from: itself and each file it names. */
  public record Loaded(GatewayConfig config, List<Path> files) {
    public Loaded {
      files = List.copyOf(files);
    }
  }

  /** As {@link #load(Path, Function, FileChecks)}, with the files a reload watches for changes. */
  public static Loaded loadWithFiles(Path file, Function<String, String> env, FileChecks files) {
    Path absolute = file.toAbsolutePath().normalize();
    ReadContext context = new ReadContext(absolute.getParent(), new EnvSubstitution(env));
    Optional<GatewayConfig> config = YamlDocument.read(absolute, context)
        .map(root -> GatewayReader.read(Section.root(root, context)));
    if (config.isPresent() && files != FileChecks.SKIP) {
      Optional<Path> devPki = config.get().dev().map(DevConfig::generatePki);
      devPki.ifPresent(dir -> ReferencedFiles.checkDirectory(context, "dev.generate-pki", dir));
      ReferencedFiles.check(context, files == FileChecks.ALLOW_PENDING_DEV_PKI ? devPki : Optional.empty());
    }
    if (!context.problems().isEmpty()) {
      throw new ConfigException(file, context.problems());
    }
    Set<Path> read = new LinkedHashSet<>();
    read.add(absolute);
    context.referencedFiles().forEach(reference -> read.add(reference.file()));
    return new Loaded(config.orElseThrow(), List.copyOf(read));
  }
}
