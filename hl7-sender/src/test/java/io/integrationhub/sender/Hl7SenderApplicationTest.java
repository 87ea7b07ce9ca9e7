package io.integrationhub.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.integrationhub.bus.Destination;
import io.integrationhub.bus.MessageBus;
import io.integrationhub.bus.MessagePublisher;
import io.integrationhub.bus.OutboundMessage;
import io.integrationhub.mllp.testing.FaultyMllpPeer;
import io.integrationhub.mllp.testing.PeerBehaviour;
import io.integrationhub.mllp.testing.Poll;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.reactive.context.ReactiveWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application as it is deployed: Spring Boot wiring from {@code local/mpi-hl7-sender.env}, the
 * embedded broker with the local topology, the sender delivering to a peer, the TCP probe and
 * Actuator health ({@code mllpReceiver}) and metrics ({@code messages_sent}).
 */
class Hl7SenderApplicationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;

  @Test
  void startsFromTheEnvFileDeliversAndReportsHealthAndMetrics() throws Exception {
    String message = SenderTestMessages.adtA31("APP00001");
    try (FaultyMllpPeer mpi =
            FaultyMllpPeer.start(
                m -> {
                  String controlId = m.split("\r")[0].split("\\|", -1)[9];
                  return PeerBehaviour.reply(
                      "MSH|^~\\&|100|100|252|252|20250101||ACK|A1|P|2.5\rMSA|AA|" + controlId);
                });
        ConfigurableApplicationContext context =
            start(
                Map.of(
                    "RECEIVER_MLLP_HOST", mpi.host(),
                    "RECEIVER_MLLP_PORT", String.valueOf(mpi.port())))) {
      SenderService service = context.getBean(SenderService.class);
      SenderSettings settings = context.getBean(SenderSettings.class);
      int managementPort = ((ReactiveWebServerApplicationContext) context).getWebServer().getPort();
      assertThat(service.isRunning()).isTrue();
      assertThat(settings.microserviceId()).isEqualTo("mpi_hl7_sender");
      assertThat(settings.messageStoreQueue()).contains("local-inthub-messagestore");

      MessageBus bus = context.getBean(MessageBus.class);
      try (MessagePublisher publisher =
          bus.publisher(Destination.queue("local-inthub-mpi-sender-ingress"))) {
        publisher.publish(
            OutboundMessage.builder(message)
                .sessionId("mpi")
                .properties(Map.of("CorrelationId", "corr-app-1"))
                .build());
      }

      assertThat(
              Poll.until(
                  () -> sentCount(managementPort) == 1.0 && mpi.receivedMessages().size() == 1,
                  Duration.ofSeconds(15)))
          .isTrue();
      assertThat(mpi.receivedMessages()).containsExactly(message);

      JsonNode metric = get(managementPort, "/actuator/metrics/messages_sent");
      assertThat(metric.path("name").asText()).isEqualTo("messages_sent");
      assertThat(metric.path("measurements").get(0).path("value").asDouble()).isEqualTo(1.0);
      assertThat(tagValues(metric, "workflow_id")).containsExactly("phw-to-mpi");
      assertThat(tagValues(metric, "microservice_id")).containsExactly("mpi_hl7_sender");

      JsonNode health = get(managementPort, "/actuator/health");
      assertThat(health.path("status").asText()).isEqualTo("UP");
      JsonNode receiver = health.path("components").path("mllpReceiver");
      assertThat(receiver.path("status").asText()).isEqualTo("UP");
      assertThat(receiver.path("details").path("target").asText())
          .isEqualTo("MLLP " + mpi.host() + ":" + mpi.port());
      assertThat(receiver.path("details").has("lastSuccess")).isTrue();

      try (Socket probe = new Socket("127.0.0.1", service.healthCheckPort())) {
        assertThat(probe.isConnected()).isTrue();
      }
    }
  }

  @Test
  void aMissingRequiredVariableStopsTheStartWithItsName() {
    assertThatThrownBy(() -> start(Map.of(), "WORKFLOW_ID").close())
        .hasRootCauseInstanceOf(IllegalArgumentException.class)
        .hasRootCauseMessage("Missing required configuration: WORKFLOW_ID");
    assertThatThrownBy(() -> start(Map.of("INGRESS_SESSION_ID", " ")).close())
        .hasRootCauseMessage("Missing required configuration: INGRESS_SESSION_ID");
  }

  private ConfigurableApplicationContext start(Map<String, String> overrides, String... removed) {
    Map<String, String> env = new HashMap<>(SenderHarness.envFile("mpi-hl7-sender.env"));
    env.put("HEALTH_CHECK_PORT", "0");
    env.put("MANAGEMENT_PORT", "0");
    env.put("MESSAGE_BUS", "artemis");
    env.put("ARTEMIS_DATA_DIR", data.resolve("artemis").toString());
    env.put(
        "MESSAGE_BUS_TOPOLOGY_FILE",
        SenderHarness.localDirectory()
            .resolve("ServiceBusEmulatorConfig.json")
            .toAbsolutePath()
            .toString());
    env.putAll(overrides);
    for (String name : removed) {
      env.remove(name);
    }
    List<String> properties = new ArrayList<>();
    env.forEach((name, value) -> properties.add(name + "=" + value));
    return new SpringApplicationBuilder(Hl7SenderApplication.class)
        .properties(properties.toArray(String[]::new))
        .run();
  }

  private static double sentCount(int port) {
    try {
      JsonNode metric = get(port, "/actuator/metrics/messages_sent");
      return metric.path("measurements").get(0).path("value").asDouble();
    } catch (IOException | InterruptedException | AssertionError e) {
      return -1;
    }
  }

  private static List<String> tagValues(JsonNode metric, String tag) {
    List<String> values = new ArrayList<>();
    for (JsonNode availableTag : metric.path("availableTags")) {
      if (availableTag.path("tag").asText().equals(tag)) {
        availableTag.path("values").forEach(value -> values.add(value.asText()));
      }
    }
    return values;
  }

  private static JsonNode get(int port, String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
