package io.integrationhub.hl7.validation.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectorySchemaSourceTest {

  @TempDir Path root;

  @Test
  void listsFlowsWithXsdFilesAndReadsThem() throws Exception {
    Files.createDirectories(root.resolve("phw"));
    Files.writeString(root.resolve("phw/ADT_A05.xsd"), "<a/>");
    Files.writeString(root.resolve("phw/notes.txt"), "x");
    Files.createDirectories(root.resolve("empty"));

    DirectorySchemaSource source = new DirectorySchemaSource(root);

    assertThat(source.flows()).containsExactly("phw");
    assertThat(source.fileNames("phw")).containsExactly("ADT_A05.xsd");
    assertThat(source.fileNames("empty")).isEmpty();
    assertThat(source.read("phw", "ADT_A05.xsd")).isEqualTo("<a/>");
    assertThat(source.description()).contains(root.toString());
  }

  @Test
  void readsNothingOutsideTheFlowDirectory() throws Exception {
    Files.createDirectories(root.resolve("phw"));
    Files.writeString(root.resolve("phw/ADT_A05.xsd"), "<a/>");
    Files.writeString(root.resolve("secret.xsd"), "<s/>");
    DirectorySchemaSource source = new DirectorySchemaSource(root);

    assertThatThrownBy(() -> source.read("phw", "../secret.xsd"))
        .isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> source.read("phw", "..")).isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> source.read("other", "ADT_A05.xsd"))
        .isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> source.read("phw", "ADT_A39.xsd"))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void rejectsADirectoryWithoutSchemas() throws Exception {
    assertThatThrownBy(() -> new DirectorySchemaSource(root))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no flow directory with .xsd files");
    assertThatThrownBy(() -> new DirectorySchemaSource(root.resolve("missing")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a directory");
  }
}
