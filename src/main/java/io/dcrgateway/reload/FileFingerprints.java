package io.dcrgateway.reload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * What a set of files looks like now: size, modification time, identity (a swapped symlink target
 * is another file) and a checksum of the content, so a rewrite within the clock's granularity is
 * still seen. Blocking: taken off the event loop.
 */
record FileFingerprints(Map<Path, String> byFile) {

  /** Config files are small; a huge CRL is summarised by its metadata beyond this. */
  private static final long MAX_CHECKSUM_BYTES = 16L * 1024 * 1024;

  static FileFingerprints of(List<Path> files) {
    Map<Path, String> prints = new LinkedHashMap<>();
    files.forEach(file -> prints.put(file, fingerprint(file)));
    return new FileFingerprints(prints);
  }

  /** The files whose fingerprint differs from {@code before} (present in only one counts). */
  List<Path> changedSince(FileFingerprints before) {
    List<Path> changed = new ArrayList<>();
    byFile.forEach((file, print) -> {
      if (!Objects.equals(print, before.byFile.get(file))) {
        changed.add(file);
      }
    });
    before.byFile.keySet().stream().filter(file -> !byFile.containsKey(file)).forEach(changed::add);
    return changed;
  }

  private static String fingerprint(Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return attributes.size() + "/" + attributes.lastModifiedTime().toMillis() + "/" + attributes.fileKey()
          + "/" + checksum(file, attributes.size());
    } catch (IOException e) {
      return "unreadable: " + e.getClass().getSimpleName();
    }
  }

  private static long checksum(Path file, long size) throws IOException {
    if (size > MAX_CHECKSUM_BYTES) {
      return -1;
    }
    CRC32 crc = new CRC32();
    byte[] buffer = new byte[8192];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        crc.update(buffer, 0, n);
      }
    }
    return crc.getValue();
  }
}
