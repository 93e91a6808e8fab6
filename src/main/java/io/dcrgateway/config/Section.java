package io.dcrgateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * One YAML mapping being read, with its key path ({@code listener.tls}). It reports shape
 * problems (a list where a mapping belongs, a key with no value, unknown keys) so readers only
 * deal with meaning.
 */
final class Section {

  private final ReadContext context;
  private final String key;
  private final ObjectNode node;
  /** False for a stand-in after a shape problem: its missing keys would only repeat that. */
  private final boolean reportMissing;
  private List<String> declared = List.of();

  private Section(ReadContext context, String key, ObjectNode node, boolean reportMissing) {
    this.context = context;
    this.key = key;
    this.node = node;
    this.reportMissing = reportMissing;
  }

  static Section root(ObjectNode node, ReadContext context) {
    return new Section(context, "", node, true);
  }

  String key() {
    return key;
  }

  String keyOf(String name) {
    return key.isEmpty() ? name : key + "." + name;
  }

  ReadContext context() {
    return context;
  }

  /**
   * Declares the keys this mapping may hold and reports every other one, with the nearest
   * declared key as a suggestion. Reading an undeclared key afterwards is a programming error.
   */
  Section keys(String... names) {
    declared = List.of(names);
    Iterator<String> present = node.fieldNames();
    while (present.hasNext()) {
      String name = present.next();
      if (!declared.contains(name)) {
        context.problem(keyOf(name), "unknown key " + NearestKey.to(name, declared)
            .map(near -> "(did you mean '" + near + "'?)")
            .orElse("(allowed here: " + String.join(", ", declared) + ")"));
      }
    }
    return this;
  }

  /**
   * Declares {@code names}, and every other key present as data the caller reads with
   * {@link #plain} (a rule's parameters): nothing here is an unknown key.
   *
   * @return the other keys, in file order
   */
  List<String> keysAndData(String... names) {
    List<String> data = new ArrayList<>();
    node.fieldNames().forEachRemaining(name -> {
      if (!List.of(names).contains(name)) {
        data.add(name);
      }
    });
    List<String> all = new ArrayList<>(List.of(names));
    all.addAll(data);
    declared = List.copyOf(all);
    return List.copyOf(data);
  }

  boolean has(String name) {
    return !value(name).isMissingNode();
  }

  /** Reports a missing required key, saying what belongs there; returns whether it is present. */
  boolean required(String name, String what) {
    if (has(name)) {
      return true;
    }
    if (reportMissing) {
      context.problem(keyOf(name), "is required (" + what + ")");
    }
    return false;
  }

  /** Whether the value is a mapping, for keys that take either a single value or a mapping. */
  boolean holdsMapping(String name) {
    return value(name).isObject();
  }

  /** The value as plain Java values, typed from the text ({@link PlainValue}); empty after a problem. */
  Optional<Object> plain(String name) {
    return PlainValue.read(context, keyOf(name), value(name));
  }

  Optional<Scalar> scalar(String name) {
    return scalarAt(keyOf(name), value(name));
  }

  /** A required path to a file, resolved; its existence is checked once the whole file is read. */
  Path requiredFile(String name, String what) {
    return required(name, what) ? scalar(name).flatMap(Scalar::asFile).orElse(null) : null;
  }

  /** An optional list of file paths, resolved; bad entries are reported and left out. */
  List<Path> files(String name) {
    return scalars(name)
        .map(values -> values.stream().map(Scalar::asFile).flatMap(Optional::stream).toList())
        .orElse(List.of());
  }

  Optional<Section> section(String name) {
    JsonNode value = value(name);
    if (value.isMissingNode()) {
      return Optional.empty();
    }
    if (value.isObject()) {
      return Optional.of(new Section(context, keyOf(name), (ObjectNode) value, true));
    }
    context.problem(keyOf(name), isEmpty(value)
        ? "has no value (give it keys, or remove it)"
        : "must be a mapping of keys, got " + describe(value));
    return Optional.empty();
  }

  /**
   * The named mapping, or an empty one when absent so that its defaults apply and its required
   * keys are reported one by one (more useful than "listener is required").
   */
  Section sectionOrEmpty(String name) {
    boolean wellShaped = !has(name) || value(name).isObject();
    return section(name).orElseGet(() -> new Section(
        context, keyOf(name), JsonNodeFactory.instance.objectNode(), wellShaped));
  }

  /** A list of single values; bad items are reported and left out. */
  Optional<List<Scalar>> scalars(String name) {
    return items(name).map(items -> {
      List<Scalar> scalars = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        scalarAt(keyOf(name) + "[" + i + "]", items.get(i)).ifPresent(scalars::add);
      }
      return scalars;
    });
  }

  /** A list of mappings; bad items are reported and left out. */
  Optional<List<Section>> sections(String name) {
    return items(name).map(items -> {
      List<Section> sections = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        String itemKey = keyOf(name) + "[" + i + "]";
        JsonNode item = items.get(i);
        if (item.isObject()) {
          sections.add(new Section(context, itemKey, (ObjectNode) item, true));
        } else {
          context.problem(itemKey, "must be a mapping of keys, got " + describe(item));
        }
      }
      return sections;
    });
  }

  private Optional<List<JsonNode>> items(String name) {
    JsonNode value = value(name);
    if (value.isMissingNode()) {
      return Optional.empty();
    }
    if (!value.isArray()) {
      context.problem(keyOf(name), isEmpty(value)
          ? "has no value (write [] for an empty list, or remove it)"
          : "must be a list (\"- item\" lines or [a, b]), got " + describe(value));
      return Optional.empty();
    }
    List<JsonNode> items = new ArrayList<>();
    value.elements().forEachRemaining(items::add);
    return Optional.of(items);
  }

  private Optional<Scalar> scalarAt(String valueKey, JsonNode value) {
    if (value.isMissingNode()) {
      return Optional.empty();
    }
    if (value.isNull()) {
      context.problem(valueKey, "has no value");
      return Optional.empty();
    }
    if (value.isContainerNode()) {
      context.problem(valueKey, "must be a single value, got " + describe(value));
      return Optional.empty();
    }
    return Scalar.expand(context, valueKey, value.asText());
  }

  private JsonNode value(String name) {
    if (!declared.contains(name)) {
      throw new IllegalStateException(keyOf(name) + " is read but not declared in keys" + declared);
    }
    return node.path(name);
  }

  private static boolean isEmpty(JsonNode value) {
    return value.isNull() || (value.isTextual() && value.asText().isEmpty());
  }

  private static String describe(JsonNode value) {
    if (value.isObject()) {
      return "a mapping";
    }
    if (value.isArray()) {
      return "a list";
    }
    return value.isNull() ? "no value" : Scalar.quote(value.asText());
  }
}
