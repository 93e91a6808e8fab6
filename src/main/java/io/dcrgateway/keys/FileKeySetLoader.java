package io.dcrgateway.keys;

import com.nimbusds.jose.jwk.JWKSet;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.nio.file.Path;

/** Reads a local JWKS file through Vert.x's file system, which runs the read on a worker thread. */
final class FileKeySetLoader implements KeySetLoader {

  private final Vertx vertx;
  private final String path;
  private final long maxBytes;

  FileKeySetLoader(Vertx vertx, Path file, long maxBytes) {
    this.vertx = vertx;
    this.path = file.toString();
    this.maxBytes = maxBytes;
  }

  @Override
  public Future<JWKSet> load() {
    return vertx.fileSystem().props(path)
        .compose(props -> {
          // Checked before reading so a wrong path (a log file, a device) is not pulled into memory.
          if (!props.isRegularFile()) {
            return Future.<Buffer>failedFuture(new KeySetFetchException("not a regular file"));
          }
          if (props.size() > maxBytes) {
            return Future.<Buffer>failedFuture(new KeySetFetchException(
                "file is " + props.size() + " bytes, more than the " + maxBytes + " allowed"));
          }
          return vertx.fileSystem().readFile(path);
        })
        .recover(e -> Future.failedFuture(e instanceof KeySetFetchException ? e
            : new KeySetFetchException("cannot read file: " + rootMessage(e))))
        .map(document -> KeySetParser.parsePublic(document, path));
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
