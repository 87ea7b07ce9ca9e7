package io.integrationhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.integrationhub.config.EnvFile;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, as a newcomer runs it: {@code local/hub up phw-to-mpi} starts a real
 * broker process and every service of the profile as its own process; {@code local/hub send
 * phw-to-mpi} gets an AA and shows the transformed message the mock MPI received; {@code down}
 * stops everything. Uses the profile's fixed ports, so it skips when something already listens
 * there (a hub a developer left running).
 */
class LocalHubTest {

  private static final List<Integer> PORTS = List.of(61616, 2575, 2576, 9011, 9021, 9031, 9041);

  @TempDir Path run;

  @Test
  void upSendStatusDownRunsAPhwMessageToTheMockMpi() throws Exception {
    for (int port : PORTS) {
      assumeFalse(listening(port), () -> "Port " + port + " is in use: skipped");
    }
    try {
      Result up = hub("up", "phw-to-mpi");
      assertThat(up.exit()).as(up.output()).isZero();
      assertThat(up.output())
          .contains("broker", "phw-hl7-server", "phw-hl7-transformer", "mpi-hl7-sender")
          .contains("Profile phw-to-mpi is up");

      Result send = hub("send", "phw-to-mpi");
      assertThat(send.exit()).as(send.output()).isZero();
      assertThat(send.output())
          .contains("MSA|AA|")
          .contains("MPI (mock) received:")
          // transformed for MPI: the PHW transformer writes the MPI message type and sender
          .contains("ADT^A31^ADT_A05")
          .containsPattern("(?m)^MSH\\|\\^~\\\\&\\|252\\|252\\|100\\|100\\|");

      Result status = hub("status");
      assertThat(status.output()).contains("phw-hl7-server").contains("healthy");
    } finally {
      Result down = hub("down");
      assertThat(down.output()).contains("stopped broker");
    }
    for (int port : PORTS) {
      assertThat(listening(port)).as("port %d after down", port).isFalse();
    }
  }

  private record Result(int exit, String output) {}

  private Result hub(String... args) throws IOException, InterruptedException {
    Path root = EnvFile.localDirectory().getParent();
    List<String> command = new java.util.ArrayList<>(List.of("bash", "local/hub"));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
    builder.environment().put("HUB_RUN_DIR", run.toString());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
    }
    String text = new String(output, StandardCharsets.UTF_8);
    System.out.println("local/hub " + String.join(" ", args) + "\n" + text);
    return new Result(process.exitValue(), text);
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
