package io.integrationhub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvFileTest {

  @Test
  void readsNameValueLinesSkippingCommentsAndBlanks(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("x.env");
    Files.writeString(
        file, "# comment\n\nA=1\n  # indented comment\nB = two words \nEMPTY=\nC=x=y\nA=3\n");

    assertThat(EnvFile.read(file))
        .containsExactly(
            java.util.Map.entry("A", "3"),
            java.util.Map.entry("B", "two words"),
            java.util.Map.entry("EMPTY", ""),
            java.util.Map.entry("C", "x=y"));
  }

  @Test
  void aMissingFileIsAClearError(@TempDir Path dir) {
    assertThatThrownBy(() -> EnvFile.read(dir.resolve("absent.env")))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("absent.env");
  }

  @Test
  void findsTheRepositoryLocalDirectory() {
    assertThat(EnvFile.localDirectory().resolve(EnvFile.TOPOLOGY_FILE)).isRegularFile();
    assertThat(EnvFile.local("mpi-hl7-sender.env")).containsEntry("INGRESS_SESSION_ID", "mpi");
  }
}
