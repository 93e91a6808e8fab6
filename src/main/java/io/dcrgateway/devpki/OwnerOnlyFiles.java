package io.dcrgateway.devpki;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files that hold private keys with owner-only permissions (rw-------) where the file system
 * is POSIX. The mode is set when the file is created, not after the key is written, so no other
 * user can open it in between.
 */
public final class OwnerOnlyFiles {

  static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

  private OwnerOnlyFiles() {
  }

  public static void write(Path file, byte[] content) throws IOException {
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
        && file.getFileSystem().supportedFileAttributeViews().contains("posix");
    if (posix) {
      if (Files.exists(file)) {
        // Overwriting: narrow the old file's mode before the new key lands in it.
        Files.setPosixFilePermissions(file, OWNER_READ_WRITE);
      } else {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
      }
    }
    try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      out.write(content);
    }
  }
}
