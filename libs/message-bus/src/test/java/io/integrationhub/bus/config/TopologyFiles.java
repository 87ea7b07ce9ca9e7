package io.integrationhub.bus.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small topology files in the Service Bus emulator's config format. */
final class TopologyFiles {
  private TopologyFiles() {}

  /** One non-session queue. */
  static Path withQueue(Path directory, String queue) throws IOException {
    String json =
        """
        {"UserConfig": {"Namespaces": [{"Name": "local-inthub",
          "Queues": [{"Name": "%s", "Properties": {"RequiresSession": false,
            "LockDuration": "PT1M", "MaxDeliveryCount": 10}}],
          "Topics": []}],
         "Logging": {"Type": "File"}}}
        """
            .formatted(queue);
    Path file = directory.resolve("ServiceBusEmulatorConfig.json");
    Files.writeString(file, json, StandardCharsets.UTF_8);
    return file;
  }
}
