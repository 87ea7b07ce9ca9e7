package io.integrationhub.bus.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmulatorConfigReaderTest {
  /** The project's own emulator config, at the root of the repository. */
  private static final Path PROJECT_CONFIG =
      Path.of("..", "..", "local", "ServiceBusEmulatorConfig.json");

  @Test
  void readsTheProjectsLocalEmulatorConfig() throws IOException {
    BusTopology topology = EmulatorConfigReader.read(PROJECT_CONFIG);

    assertThat(topology.namespace()).isEqualTo("local-inthub");
    assertThat(topology.queues())
        .extracting(QueueSpec::name)
        .containsExactly(
            "local-inthub-phw-ingress",
            "local-inthub-phw-transformer-ingress",
            "local-inthub-lims-transformer-ingress",
            "local-inthub-chemo-transformer-ingress",
            "local-inthub-pims-transformer-ingress",
            "local-inthub-mpi-sender-ingress",
            "local-inthub-mpi-mock-receiver",
            "local-inthub-messagestore",
            "local-inthub-priority-messagequeue");
    List<String> withoutSessions =
        List.of("local-inthub-mpi-mock-receiver", "local-inthub-messagestore");
    for (QueueSpec queue : topology.queues()) {
      EntitySettings expected =
          EntitySettings.referenceDefaults(!withoutSessions.contains(queue.name()));
      assertThat(queue.settings()).as(queue.name()).isEqualTo(expected);
    }
    assertThat(topology.topics()).extracting(TopicSpec::name).containsExactly("mpihl7input");
    assertThat(topology.subscription("mpihl7input", "mpihl7input-test-subscription"))
        .hasValueSatisfying(
            s -> assertThat(s.settings()).isEqualTo(EntitySettings.referenceDefaults(true)));
    assertThat(topology.queue("local-inthub-mpi-sender-ingress")).isPresent();
    assertThat(topology.topic("nope")).isEmpty();
  }

  @Test
  void readsFromAStreamAndFillsMissingPropertiesWithTheReferenceDefaults() throws IOException {
    BusTopology topology =
        read(
            """
            {"UserConfig":{"Namespaces":[{"Name":"ns",
              "Queues":[
                {"Name":"bare"},
                {"Name":"custom","Properties":{"RequiresSession":true,"LockDuration":"PT30S",
                  "MaxDeliveryCount":3,"DefaultMessageTimeToLive":"P1D",
                  "DeadLetteringOnMessageExpiration":true,"SomethingNew":42,
                  "RequiresDuplicateDetection":true}}],
              "Topics":[{"Name":"t","Subscriptions":[{"Name":"s"}]}]}],
              "Logging":{"Type":"File"}}}
            """);
    assertThat(topology.queue("bare").orElseThrow().settings())
        .isEqualTo(EntitySettings.referenceDefaults(false));
    assertThat(topology.queue("custom").orElseThrow().settings())
        .isEqualTo(new EntitySettings(true, Duration.ofSeconds(30), 3, Duration.ofDays(1), true));
    assertThat(topology.subscription("t", "s").orElseThrow().settings())
        .isEqualTo(EntitySettings.referenceDefaults(false));
  }

  @Test
  void acceptsServiceBusMaximumTimeToLiveAndAnEmptyNamespace() throws IOException {
    BusTopology topology =
        read(
            """
            {"UserConfig":{"Namespaces":[{"Name":"ns","Queues":[{"Name":"q","Properties":
              {"DefaultMessageTimeToLive":"P10675199DT2H48M5.4775807S"}}]}]}}
            """);
    assertThat(topology.queue("q").orElseThrow().settings().defaultTimeToLive().toDays())
        .isEqualTo(10_675_199L);
    assertThat(read("{\"UserConfig\":{\"Namespaces\":[{\"Name\":\"empty\"}]}}").queues()).isEmpty();
  }

  @Test
  void badValuesAreReportedWithTheEntityName() {
    assertInvalid(queueWith("\"LockDuration\":\"1 minute\""), "Queue 'q': LockDuration");
    assertInvalid(queueWith("\"LockDuration\":60"), "Queue 'q': LockDuration");
    assertInvalid(
        queueWith("\"LockDuration\":\"-PT1M\""), "Queue 'q': LockDuration must be positive");
    assertInvalid(queueWith("\"MaxDeliveryCount\":0"), "Queue 'q': MaxDeliveryCount");
    assertInvalid(queueWith("\"MaxDeliveryCount\":\"ten\""), "Queue 'q': MaxDeliveryCount");
    assertInvalid(queueWith("\"MaxDeliveryCount\":2.5"), "Queue 'q': MaxDeliveryCount");
    assertInvalid(queueWith("\"RequiresSession\":\"yes\""), "Queue 'q': RequiresSession");
    assertInvalid(queueWith("\"ForwardTo\":\"elsewhere\""), "Queue 'q': ForwardTo");
    assertInvalid(
        queueWith("\"ForwardDeadLetteredMessagesTo\":\"x\""), "ForwardDeadLetteredMessagesTo");
    assertInvalid(
        "{\"UserConfig\":{\"Namespaces\":[{\"Name\":\"ns\",\"Queues\":[{\"Name\":\"q\",\"Properties\":[]}]}]}}",
        "Queue 'q': Properties must be an object");
  }

  @Test
  void structuralProblemsAreReported() {
    assertInvalid("not json", "not valid JSON");
    assertInvalid("[]", "JSON object");
    assertInvalid("{}", "UserConfig.Namespaces");
    assertInvalid(
        "{\"UserConfig\":{\"Namespaces\":[{\"Name\":\"a\"},{\"Name\":\"b\"}]}}", "exactly one");
    assertInvalid("{\"UserConfig\":{\"Namespaces\":[{}]}}", "Namespace without a Name");
    assertInvalid(
        "{\"UserConfig\":{\"Namespaces\":[{\"Name\":\"n\",\"Queues\":{}}]}}",
        "Queues must be an array");
    assertInvalid(
        "{\"UserConfig\":{\"Namespaces\":[{\"Name\":\"n\",\"Queues\":[{\"Name\":\"q\"},{\"Name\":\"q\"}]}]}}",
        "Queue 'q' is defined twice");
    assertInvalid(
        "{\"UserConfig\":{\"Namespaces\":[{\"Name\":\"n\",\"Queues\":[{\"Name\":\"a#b\"}]}]}}",
        "must not contain");
    assertInvalid(
        "{\"UserConfig\":{\"Namespaces\":[{\"Name\":\"n\",\"Topics\":[{\"Name\":\"t\",\"Subscriptions\":"
            + "[{\"Name\":\"s\",\"Rules\":[{\"Name\":\"r\"}]}]}]}]}}",
        "Subscription 't/s': filter Rules are not supported");
    assertInvalid(
        "{\"UserConfig\":{\"Namespaces\":[{\"Name\":\"n\",\"Topics\":[{\"Name\":\"t\",\"Subscriptions\":"
            + "[{\"Name\":\"s\"},{\"Name\":\"s\"}]}]}]}}",
        "defined twice");
  }

  @Test
  void aMissingFileIsAnIoError(@TempDir Path dir) {
    assertThatThrownBy(() -> EmulatorConfigReader.read(dir.resolve("missing.json")))
        .isInstanceOf(IOException.class);
  }

  @Test
  void aFileIsReadFromDisk(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("config.json");
    Files.writeString(file, queueWith("\"MaxDeliveryCount\":4"));
    assertThat(
            EmulatorConfigReader.read(file).queue("q").orElseThrow().settings().maxDeliveryCount())
        .isEqualTo(4);
  }

  private static String queueWith(String property) {
    return "{\"UserConfig\":{\"Namespaces\":[{\"Name\":\"ns\",\"Queues\":[{\"Name\":\"q\",\"Properties\":{"
        + property
        + "}}]}]}}";
  }

  private static BusTopology read(String json) throws IOException {
    try (InputStream in = new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))) {
      return EmulatorConfigReader.read(in);
    }
  }

  private static void assertInvalid(String json, String message) {
    assertThatThrownBy(() -> read(json))
        .isInstanceOf(InvalidTopologyException.class)
        .hasMessageContaining(message);
  }
}
