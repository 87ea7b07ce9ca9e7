package io.integrationhub.mockreceiver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.integrationhub.hl7.parse.MessageHeader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Appends every received message to a file as one JSON object per line ({@code
 * RECEIVED_MESSAGES_FILE}), so end-to-end tests and people can see exactly what MPI got. The file
 * holds message content: enable it only for test data.
 */
public final class ReceivedMessageJournal implements AutoCloseable {
  private final ObjectMapper json = new ObjectMapper();
  private final BufferedWriter writer;

  public ReceivedMessageJournal(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      writer =
          Files.newBufferedWriter(
              file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open RECEIVED_MESSAGES_FILE " + file, e);
    }
  }

  public void record(Instant receivedAt, String connectionId, String message, PlannedReply reply)
      throws IOException {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("receivedAt", receivedAt.toString());
    entry.put("connection", connectionId);
    entry.put("controlId", reply.header().map(MessageHeader::controlId).orElse(null));
    entry.put("messageType", reply.header().map(MessageHeader::messageType).orElse(null));
    entry.put("reply", reply.action().name());
    entry.put("message", message);
    String line = toJson(entry);
    synchronized (writer) {
      writer.write(line);
      writer.write('\n');
      writer.flush();
    }
  }

  private String toJson(Map<String, Object> entry) throws IOException {
    try {
      return json.writeValueAsString(entry);
    } catch (JsonProcessingException e) {
      throw new IOException("Cannot serialise a journal entry", e);
    }
  }

  @Override
  public void close() throws IOException {
    synchronized (writer) {
      writer.close();
    }
  }
}
