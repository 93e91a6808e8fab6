package io.dcrgateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A minimal valid config in a temporary directory, with its certificate and anchor files, that a
 * test changes one key at a time: {@code fixture.with("listener.port", "84x3").problems()}.
 */
final class ConfigFixture {

  private final Path dir;
  private final Map<String, Object> root = new LinkedHashMap<>();
  private final Map<String, String> env = new HashMap<>();

  private ConfigFixture(Path dir) {
    this.dir = dir;
  }

  /** Only the required keys; the files they name exist (content is irrelevant here). */
  static ConfigFixture minimal(Path dir) {
    ConfigFixture fixture = new ConfigFixture(dir);
    fixture.file("server-chain.pem").file("server.key").file("anchors.pem");
    return fixture
        .with("listener.tls.certificate", "server-chain.pem")
        .with("listener.tls.key", "server.key")
        .with("trust.domains", List.of(new LinkedHashMap<>(Map.of("name", "dev", "anchors", List.of("anchors.pem")))))
        .with("upstream.base-url", "http://127.0.0.1:8080")
        .with("upstream.registration-path", "/realms/dcr/clients-registrations/openid-connect");
  }

  Path dir() {
    return dir;
  }

  ConfigFixture file(String relative) {
    try {
      Path file = dir.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ConfigFixture env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** Sets a key given as a path such as {@code trust.domains[0].name}, creating mappings on the way. */
  @SuppressWarnings("unchecked")
  ConfigFixture with(String key, Object value) {
    String[] parts = key.split("\\.");
    Object node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      node = child(node, parts[i]);
    }
    String last = parts[parts.length - 1];
    if (last.endsWith("]")) {
      List<Object> list = (List<Object>) ((Map<String, Object>) node).get(name(last));
      list.set(index(last), value);
    } else {
      ((Map<String, Object>) node).put(last, value);
    }
    return this;
  }

  @SuppressWarnings("unchecked")
  ConfigFixture without(String key) {
    String[] parts = key.split("\\.");
    Object node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      node = child(node, parts[i]);
    }
    ((Map<String, Object>) node).remove(parts[parts.length - 1]);
    return this;
  }

  @SuppressWarnings("unchecked")
  private static Object child(Object node, String part) {
    Map<String, Object> mapping = (Map<String, Object>) node;
    if (part.endsWith("]")) {
      List<Object> list = (List<Object>) mapping.get(name(part));
      return list.get(index(part));
    }
    return mapping.computeIfAbsent(part, k -> new LinkedHashMap<String, Object>());
  }

  private static String name(String part) {
    return part.substring(0, part.indexOf('['));
  }

  private static int index(String part) {
    return Integer.parseInt(part.substring(part.indexOf('[') + 1, part.length() - 1));
  }

  Path write() {
    try {
      Path file = dir.resolve("gateway.yaml");
      new ObjectMapper(new YAMLFactory()).writeValue(file.toFile(), deepCopy(root));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lists given with List.of are immutable; the writer does not care, but with(...) does. */
  @SuppressWarnings("unchecked")
  private static Object deepCopy(Object node) {
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put((String) k, deepCopy(v)));
      return copy;
    }
    if (node instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(item -> copy.add(deepCopy(item)));
      return copy;
    }
    return node;
  }

  GatewayConfig load() {
    return ConfigLoader.load(write(), env::get);
  }

  List<ConfigProblem> problems() {
    return problemsOf(write(), env::get, FileChecks.ALLOW_PENDING_DEV_PKI);
  }

  static Path writeYaml(Path dir, String yaml) {
    try {
      Path file = dir.resolve("gateway.yaml");
      Files.writeString(file, yaml);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<ConfigProblem> problemsOf(Path file, Function<String, String> env, FileChecks checks) {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file, env, checks));
    assertThat(e).as("expected %s to be rejected", file).isNotNull();
    return e.problems();
  }

  static List<ConfigProblem> problemsOf(Path file) {
    return problemsOf(file, name -> null, FileChecks.ALLOW_PENDING_DEV_PKI);
  }

  static ConfigProblem problem(String key, String message) {
    return new ConfigProblem(key, message);
  }
}
