package io.integrationhub.mockreceiver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A mock receiver started on ephemeral ports from environment-style settings, for tests. */
final class RunningMock implements AutoCloseable {
  private final MockReceiverService service;

  private RunningMock(MockReceiverService service) {
    this.service = service;
  }

  static RunningMock start(Map<String, String> overrides) {
    Map<String, String> env = new HashMap<>();
    env.put("PORT", "0");
    env.put("HEALTH_CHECK_PORT", "0");
    env.putAll(overrides);
    MockReceiverService service =
        new MockReceiverConfiguration()
            .mockReceiverService(MockReceiverSettings.from(env::get), Optional::empty);
    service.start();
    return new RunningMock(service);
  }

  int port() {
    return service.mllpPort();
  }

  int healthCheckPort() {
    return service.healthCheckPort();
  }

  static List<JsonNode> journal(Path file) {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> entries = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        entries.add(json.readTree(line));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }

  @Override
  public void close() {
    service.stop();
  }
}
