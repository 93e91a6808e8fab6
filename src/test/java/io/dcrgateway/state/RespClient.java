package io.dcrgateway.state;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The test's own line to a plain (non-TLS) Redis, Sentinel or Cluster node: one command per
 * connection, independent of the client under test, so set-up and readiness checks never rely on
 * what they are checking. Replies: String (simple or bulk), Long, List, null; an error reply is an
 * exception.
 */
final class RespClient {

  private RespClient() {
  }

  /** The reply, or empty when the node cannot be reached or answers with an error (not ready yet). */
  static Optional<Object> tryCall(int port, String... command) {
    try {
      return Optional.ofNullable(call(port, command));
    } catch (IOException | IllegalStateException notYet) {
      return Optional.empty();
    }
  }

  static Object call(int port, String... command) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      StringBuilder request = new StringBuilder("*").append(command.length).append("\r\n");
      for (String part : command) {
        request.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part).append("\r\n");
      }
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      return read(new BufferedInputStream(socket.getInputStream()));
    }
  }

  /** One field of {@code INFO <section>}, e.g. {@code role} or {@code master_repl_offset}. */
  static Optional<String> info(int port, String section, String field) {
    return tryCall(port, "INFO", section).flatMap(reply -> reply.toString().lines()
        .filter(line -> line.startsWith(field + ":")).map(line -> line.substring(field.length() + 1).strip())
        .findFirst());
  }

  private static Object read(InputStream in) throws IOException {
    int type = in.read();
    String line = line(in);
    return switch (type) {
      case '+' -> line;
      case '-' -> throw new IllegalStateException(line);
      case ':' -> Long.parseLong(line);
      case '$' -> {
        int length = Integer.parseInt(line);
        if (length < 0) {
          yield null;
        }
        String bulk = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        line(in);
        yield bulk;
      }
      case '*' -> {
        int count = Integer.parseInt(line);
        if (count < 0) {
          yield null;
        }
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          items.add(read(in));
        }
        yield items;
      }
      default -> throw new IOException("not a RESP reply: " + (char) type + line);
    };
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\r') {
      if (b < 0) {
        throw new IOException("connection closed mid-reply");
      }
      line.write(b);
    }
    in.read();
    return line.toString(StandardCharsets.UTF_8);
  }
}
