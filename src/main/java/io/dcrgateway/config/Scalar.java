package io.dcrgateway.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One single YAML value after {@code ${...}} expansion, with its key. The {@code as...} methods
 * type it; when it does not fit they report {@code <key>: must be <what is allowed>, got "<value>"}
 * and return empty, so the caller falls back and reading goes on.
 *
 * <p>Values are typed from their text, not from YAML's own guess: {@code port: 0x20FB} and
 * {@code verify-host: yes} are YAML 1.1 numbers and booleans, but rejected here.
 */
final class Scalar {

  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,10}");
  private static final int SHOWN_LIMIT = 120;

  private final ReadContext context;
  private final String key;
  private final String raw;
  private final String text;

  private Scalar(ReadContext context, String key, String raw, String text) {
    this.context = context;
    this.key = key;
    this.raw = raw;
    this.text = text;
  }

  /** Expands environment references; reports each unresolvable one and returns empty then. */
  static Optional<Scalar> expand(ReadContext context, String key, String raw) {
    List<String> problems = new ArrayList<>();
    Optional<String> text = context.env().expand(raw, problems);
    problems.forEach(message -> context.problem(key, message));
    return text.map(expanded -> new Scalar(context, key, raw, expanded));
  }

  String key() {
    return key;
  }

  String text() {
    return text;
  }

  ReadContext context() {
    return context;
  }

  void problem(String message) {
    context.problem(key, message);
  }

  /** Reports {@code must be <requirement>, got "<value>"}. */
  void reject(String requirement) {
    problem("must be " + requirement + ", got " + shown());
  }

  /** The value as the operator should see it, with the original when a variable was expanded. */
  String shown() {
    return quote(text) + (raw.equals(text) ? "" : " (from " + quote(raw) + ")");
  }

  Optional<String> matching(Predicate<String> allowed, String requirement) {
    if (allowed.test(text)) {
      return Optional.of(text);
    }
    reject(requirement);
    return Optional.empty();
  }

  Optional<Integer> asInt(int min, int max) {
    if (INTEGER.matcher(text).matches()) {
      long value = Long.parseLong(text);
      if (value >= min && value <= max) {
        return Optional.of((int) value);
      }
    }
    reject("an integer between " + min + " and " + max);
    return Optional.empty();
  }

  Optional<Boolean> asBoolean() {
    if (text.equals("true") || text.equals("false")) {
      return Optional.of(Boolean.valueOf(text));
    }
    reject("true or false");
    return Optional.empty();
  }

  Optional<Duration> asDuration(Duration min, Duration max) {
    String range = "between " + DurationFormat.format(min) + " and " + DurationFormat.format(max);
    if (INTEGER.matcher(text).matches()) {
      // A bare number is ambiguous (seconds? milliseconds?); Vert.x alone uses both.
      reject("a duration with a unit (ms, s, m or h) " + range + ", e.g. " + text + "s");
      return Optional.empty();
    }
    Optional<Duration> duration = DurationFormat.parse(text);
    if (duration.isEmpty()) {
      reject("a duration such as 500ms, 10s, 2m or 1h, " + range);
    } else if (duration.get().compareTo(min) < 0 || duration.get().compareTo(max) > 0) {
      reject(range);
      return Optional.empty();
    }
    return duration;
  }

  Optional<Long> asBytes(long min, long max) {
    String range = "between " + ByteSizeFormat.format(min) + " and " + ByteSizeFormat.format(max);
    if (ByteSizeFormat.isDecimalUnit(text)) {
      reject("a size in bytes, KiB or MiB (KB and MB are ambiguous), " + range);
      return Optional.empty();
    }
    Optional<Long> bytes = ByteSizeFormat.parse(text);
    if (bytes.isEmpty()) {
      reject("a size such as 65536, 64KiB or 1MiB, " + range);
    } else if (bytes.get() < min || bytes.get() > max) {
      reject(range);
      return Optional.empty();
    }
    return bytes;
  }

  /** @param spelling how each choice is written in the config; the message lists them in order */
  <T> Optional<T> asOneOf(List<T> choices, Function<T, String> spelling) {
    Optional<T> chosen = choices.stream().filter(choice -> spelling.apply(choice).equals(text)).findFirst();
    if (chosen.isEmpty()) {
      reject(alternatives(choices.stream().map(spelling).toList()));
    }
    return chosen;
  }

  /** A path, resolved against the config file's directory. */
  Optional<Path> asPath() {
    if (text.isBlank()) {
      reject("a file path");
      return Optional.empty();
    }
    try {
      return Optional.of(context.resolve(Path.of(text)));
    } catch (InvalidPathException e) {
      reject("a valid file path (" + e.getReason() + ")");
      return Optional.empty();
    }
  }

  /** A path that must name a readable regular file; checked once the whole tree is read. */
  Optional<Path> asFile() {
    Optional<Path> path = asPath();
    path.ifPresent(file -> context.referencesFile(key, file));
    return path;
  }

  Optional<String> asHost() {
    return matching(HostName::isValid, "a host name or IP address (e.g. 0.0.0.0, 127.0.0.1, ::1)");
  }

  /** RFC 9110 5.1: a field name is a token. */
  Optional<String> asHeaderName() {
    return matching(HttpToken::isToken,
        "a header name (an RFC 9110 token: letters, digits and !#$%&'*+-.^_`|~)");
  }

  /** "a", "a or b", "a, b or c". */
  static String alternatives(List<String> options) {
    if (options.size() == 1) {
      return options.get(0);
    }
    return String.join(", ", options.subList(0, options.size() - 1))
        + " or " + options.get(options.size() - 1);
  }

  /** Double-quoted, escaped and shortened, so odd values stay readable on one line. */
  static String quote(String value) {
    StringBuilder out = new StringBuilder("\"");
    String shown = value.length() > SHOWN_LIMIT ? value.substring(0, SHOWN_LIMIT) : value;
    for (char c : shown.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return out.append(shown.length() < value.length() ? "...\"" : "\"").toString();
  }
}
