package io.dcrgateway.devpki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevPkiOverwriteTest {

  @Test
  void refusesToOverwriteExistingFilesUnlessForced(@TempDir Path dir) throws Exception {
    DevPkiLayout layout = new DevPkiLayout(dir);
    Path expiredKey = layout.client(DevPkiLayout.EXPIRED).privateKey();
    Path jwks = layout.directoryJwks();
    plant(expiredKey);
    plant(jwks);

    FileAlreadyExistsException refusal = catchThrowableOfType(FileAlreadyExistsException.class,
        () -> DevPki.generate(dir, DevPkiOptions.defaults()));

    // The first existing file in writing order is named, and nothing at all was written.
    assertThat(refusal.getFile()).isEqualTo(expiredKey.toString());
    assertThat(refusal.getMessage()).contains(expiredKey.toString());
    assertThat(regularFiles(dir)).containsExactlyInAnyOrder(expiredKey, jwks);
    assertThat(expiredKey).hasContent("old");

    DevPkiManifest manifest = DevPki.generate(dir, DevPkiOptions.defaults().withOverwrite(true));

    assertThat(regularFiles(dir)).containsExactlyInAnyOrderElementsOf(layout.allFiles());
    assertThat(Files.readString(expiredKey)).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(Files.readString(jwks)).contains(manifest.directory().kid());
    if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      // The planted file was world-readable; a key written into it must not stay so.
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(expiredKey))).isEqualTo("rw-------");
    }
  }

  @Test
  void refusesWhenOnlyTheManifestExists(@TempDir Path dir) throws Exception {
    Path manifest = new DevPkiLayout(dir).manifest();
    plant(manifest);

    FileAlreadyExistsException refusal = catchThrowableOfType(FileAlreadyExistsException.class,
        () -> DevPki.generate(dir, DevPkiOptions.defaults()));

    assertThat(refusal.getFile()).isEqualTo(manifest.toString());
    assertThat(regularFiles(dir)).containsExactly(manifest);
  }

  @Test
  void refusesWhenOnlyAClientsRequestJwksExists(@TempDir Path dir) throws Exception {
    Path jwks = new DevPkiLayout(dir).clientJwks(DevPkiLayout.UK_TPP);
    plant(jwks);

    FileAlreadyExistsException refusal = catchThrowableOfType(FileAlreadyExistsException.class,
        () -> DevPki.generate(dir, DevPkiOptions.defaults()));

    assertThat(refusal.getFile()).isEqualTo(jwks.toString());
    assertThat(regularFiles(dir)).containsExactly(jwks);
  }

  private static void plant(Path file) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "old");
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  private static List<Path> regularFiles(Path dir) throws Exception {
    try (var files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }
}
