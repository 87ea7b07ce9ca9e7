package io.integrationhub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentReaderTest {

  private static EnvironmentReader env(Map<String, String> values) {
    return new EnvironmentReader(values::get);
  }

  @Test
  void blankIsUnsetAndValuesAreTrimmed() {
    EnvironmentReader env = env(Map.of("A", "  x ", "B", "   "));

    assertThat(env.text("A")).contains("x");
    assertThat(env.text("B")).isEmpty();
    assertThat(env.text("C", "d")).isEqualTo("d");
  }

  @Test
  void integersAreCheckedAndNamed() {
    EnvironmentReader env = env(Map.of("PORT", "2575", "BAD", "12a", "BIG", "70000"));

    assertThat(env.integer("PORT", 1, 0, 65_535)).isEqualTo(2575);
    assertThat(env.integer("UNSET", 7, 0, 10)).isEqualTo(7);
    assertThatThrownBy(() -> env.integer("BAD", 1, 0, 10))
        .hasMessage("BAD must be a whole number, was '12a'");
    assertThatThrownBy(() -> env.integer("BIG", 1, 0, 65_535))
        .hasMessage("BIG must be between 0 and 65535, was 70000");
  }

  @Test
  void flagsDurationsPathsAndLists() {
    EnvironmentReader env =
        env(
            Map.of(
                "F", "Off", "T", "YES", "X", "maybe", "S", "3", "P", "/tmp/x", "L", " a, b ,,c "));

    assertThat(env.flag("F", true)).isFalse();
    assertThat(env.flag("T", false)).isTrue();
    assertThat(env.flag("U", true)).isTrue();
    assertThatThrownBy(() -> env.flag("X", true))
        .hasMessage("X must be true or false, was 'maybe'");
    assertThat(env.seconds("S", 10)).isEqualTo(Duration.ofSeconds(3));
    assertThat(env.millis("S", 0)).isEqualTo(Duration.ofMillis(3));
    assertThat(env.path("P")).contains(Path.of("/tmp/x"));
    assertThat(env.list("L")).containsExactly("a", "b", "c");
    assertThat(env.list("UNSET")).isEmpty();
  }
}
