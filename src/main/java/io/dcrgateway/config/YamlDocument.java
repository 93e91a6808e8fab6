package io.dcrgateway.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a config file into a tree whose every scalar is the text written in the file, reporting
 * duplicate keys, aliases and a non-mapping root as problems.
 *
 * <p>The tree is built from parser events rather than with {@code readTree} and
 * {@code STRICT_DUPLICATE_DETECTION}: that feature aborts at the first duplicate, hiding every
 * later problem, and {@code readTree} keeps YAML 1.1's guesses ({@code yes} as true,
 * {@code 0x20FB} as 8443) instead of the text the operator wrote.
 */
final class YamlDocument {

  private static final YAMLFactory YAML = YAMLFactory.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ReadContext context;

  private YamlDocument(ReadContext context) {
    this.context = context;
  }

  /** @return the root mapping, or empty when the document cannot be read as one */
  static Optional<ObjectNode> read(Path file, ReadContext context) {
    return readUtf8(file, context).flatMap(text -> parse(text, context));
  }

  /** As {@link #read(Path, ReadContext)}, from text already in memory (a profile shipped in the jar). */
  static Optional<ObjectNode> parse(String text, ReadContext context) {
    try (YAMLParser parser = YAML.createParser(text)) {
      if (parser.nextToken() == null) {
        context.problem("", "the file is empty; a configuration needs at least"
            + " listener.tls, trust.domains and upstream");
        return Optional.empty();
      }
      JsonNode root = new YamlDocument(context).value(parser, "");
      if (parser.nextToken() != null) {
        context.problem("", "holds more than one YAML document (---); put the whole configuration in one");
      }
      if (!root.isObject()) {
        context.problem("", "must be a mapping of top-level keys (listener, trust, upstream, ...)");
        return Optional.empty();
      }
      return Optional.of((ObjectNode) root);
    } catch (JsonProcessingException e) {
      context.problem("", syntaxError(e));
      return Optional.empty();
    } catch (IOException e) {
      context.problem("", "cannot read the file: " + e);
      return Optional.empty();
    }
  }

  private static Optional<String> readUtf8(Path file, ReadContext context) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
    } catch (CharacterCodingException e) {
      context.problem("", "is not UTF-8 text");
    } catch (IOException e) {
      context.problem("", "cannot read the file: " + e);
    }
    return Optional.empty();
  }

  /** Reads the value at the parser's current token and everything nested in it. */
  private JsonNode value(YAMLParser parser, String key) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      return mapping(parser, key);
    }
    if (token == JsonToken.START_ARRAY) {
      ArrayNode list = NODES.arrayNode();
      int index = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        list.add(value(parser, key + "[" + index++ + "]"));
      }
      return list;
    }
    if (token == JsonToken.VALUE_NULL) {
      return NODES.nullNode();
    }
    if (parser.isCurrentAlias()) {
      // An alias may stand for a whole mapping, which Jackson hands over as the alias name.
      context.problem(key, "YAML aliases (*" + parser.getText() + ") are not supported; write the value out");
      return MissingNode.getInstance();
    }
    // Which scalars YAML itself read as strings is kept for values typed from the file
    // (rule parameters, see PlainValue): it is how "5" (quoted) differs from 5.
    String text = parser.getText();
    return token == JsonToken.VALUE_STRING ? new YamlString(text) : NODES.textNode(text);
  }

  private ObjectNode mapping(YAMLParser parser, String key) throws IOException {
    ObjectNode mapping = NODES.objectNode();
    Map<String, String> firstPositions = new HashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      String childKey = key.isEmpty() ? name : key + "." + name;
      JsonLocation at = parser.currentTokenLocation();
      String position = position(at.getLineNr(), at.getColumnNr());
      parser.nextToken();
      JsonNode child = value(parser, childKey);
      String first = firstPositions.putIfAbsent(name, position);
      if (first != null) {
        context.problem(childKey, "duplicate key at " + position + " (first at " + first
            + "); a key may appear only once per mapping");
      } else {
        mapping.set(name, child);
      }
    }
    return mapping;
  }

  /**
   * A scalar the YAML parser read as a string: quoted, tagged {@code !!str}, or plain text that
   * YAML 1.1 does not take for a number, boolean or null. Its text is what the file says, as for
   * every other scalar.
   */
  static final class YamlString extends TextNode {

    YamlString(String text) {
      super(text);
    }
  }

  /** SnakeYAML explains what it expected and where the enclosing construct began. */
  private static String syntaxError(JsonProcessingException e) {
    if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked
        && marked.getProblemMark() != null) {
      StringBuilder message = new StringBuilder("YAML syntax error at ")
          .append(position(marked.getProblemMark().getLine() + 1, marked.getProblemMark().getColumn() + 1))
          .append(": ").append(marked.getProblem());
      if (marked.getContext() != null) {
        message.append(" (").append(marked.getContext());
        if (marked.getContextMark() != null) {
          message.append(" at ").append(
              position(marked.getContextMark().getLine() + 1, marked.getContextMark().getColumn() + 1));
        }
        message.append(')');
      }
      return message.toString();
    }
    JsonLocation location = e.getLocation();
    return "YAML syntax error"
        + (location == null ? "" : " at " + position(location.getLineNr(), location.getColumnNr()))
        + ": " + e.getOriginalMessage();
  }

  private static String position(int line, int column) {
    return "line " + line + ", column " + column;
  }
}
