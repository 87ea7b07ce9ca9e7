package io.integrationhub.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.integrationhub.mllp.MllpClient;
import io.integrationhub.mllp.MllpClientConfig;
import io.integrationhub.mllp.MllpException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code send}: one HL7 message over MLLP to a profile's server, its ACK, then what the mock MPI
 * received (from its journal), so a person sees the whole flow in one command.
 */
final class MessageSend {

  private static final ObjectMapper JSON = new ObjectMapper();

  private MessageSend() {}

  /** The file's message with its segments separated by CR, whatever line ends it was saved with. */
  static String readMessage(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return text.replace("\r\n", "\r").replace('\n', '\r').strip();
  }

  /** Sends {@code message} to {@code 127.0.0.1:port}; returns the ACK text. */
  static String send(String message, int port, Duration timeout) throws MllpException {
    try (MllpClient client = new MllpClient(MllpClientConfig.builder("127.0.0.1", port).build())) {
      return client.send(message, timeout);
    }
  }

  /** The MSA-1 code of an ACK, or empty. */
  static Optional<String> ackCode(String ack) {
    for (String segment : ack.split("[\r\n]+")) {
      if (segment.startsWith("MSA|")) {
        String[] fields = segment.split("\\|", -1);
        return Optional.of(fields.length > 1 ? fields[1] : "");
      }
    }
    return Optional.empty();
  }

  /** How many messages the mock MPI has recorded so far. */
  static int journalSize(Path journal) throws IOException {
    return Files.isRegularFile(journal) ? lines(journal).size() : 0;
  }

  /**
   * Waits for the mock MPI to record a message after the first {@code alreadySeen} ones.
   *
   * @return the message text, or empty on timeout
   */
  static Optional<String> awaitReceived(Path journal, int alreadySeen, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.isRegularFile(journal)) {
        List<String> lines = lines(journal);
        if (lines.size() > alreadySeen) {
          JsonNode entry = JSON.readTree(lines.get(alreadySeen));
          return Optional.of(entry.path("message").asText());
        }
      }
      Thread.sleep(200);
    }
    return Optional.empty();
  }

  private static List<String> lines(Path journal) throws IOException {
    return new String(Files.readAllBytes(journal), StandardCharsets.UTF_8)
        .lines()
        .filter(line -> !line.isBlank())
        .toList();
  }

  /** CR-separated HL7 for a terminal: one segment per line. */
  static String printable(String hl7) {
    return hl7.replace("\r\n", "\n").replace('\r', '\n').strip();
  }
}
