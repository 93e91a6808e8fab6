package io.dcrgateway.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What one read of a config file accumulates: the problems found so far and every file the
 * config points at (checked after the whole tree is read, see {@link ReferencedFiles}).
 * Readers never stop at a problem; they record it and carry on with a fallback value.
 */
final class ReadContext {

  private final Path baseDir;
  private final EnvSubstitution env;
  private final List<ConfigProblem> problems = new ArrayList<>();
  private final List<ReferencedFiles.Reference> files = new ArrayList<>();

  /** @param baseDir the directory of the config file: relative paths are relative to it */
  ReadContext(Path baseDir, EnvSubstitution env) {
    this.baseDir = baseDir;
    this.env = env;
  }

  void problem(String key, String message) {
    problems.add(new ConfigProblem(key, message));
  }

  List<ConfigProblem> problems() {
    return List.copyOf(problems);
  }

  /** Whether {@code key} or anything under it was reported, so cross-key rules can stay quiet. */
  boolean hasProblemsAt(String key) {
    return problems.stream().anyMatch(problem -> problem.key().equals(key)
        || problem.key().startsWith(key + ".")
        || problem.key().startsWith(key + "["));
  }

  EnvSubstitution env() {
    return env;
  }

  Path resolve(Path path) {
    return baseDir.resolve(path).normalize();
  }

  void referencesFile(String key, Path file) {
    files.add(new ReferencedFiles.Reference(key, file));
  }

  List<ReferencedFiles.Reference> referencedFiles() {
    return List.copyOf(files);
  }
}
