package io.integrationhub.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.integrationhub.mllp.testing.RawMllpClient;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.reactive.context.ReactiveWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application as it is deployed: Spring Boot wiring from the PHW env file, the embedded broker,
 * the MLLP listener, the TCP probe and Actuator health with the {@code mllpListener} and {@code
 * messageBus} components.
 */
class Hl7ServerApplicationTest {

  @TempDir Path data;

  @Test
  void startsFromTheEnvFileAndReportsHealthComponents() throws Exception {
    try (ConfigurableApplicationContext context = start(Map.of())) {
      Hl7ServerService service = context.getBean(Hl7ServerService.class);
      int managementPort = ((ReactiveWebServerApplicationContext) context).getWebServer().getPort();

      try (RawMllpClient client = RawMllpClient.connect("127.0.0.1", service.port())) {
        client.sendFrame(AcceptanceSmokeTest.PHW_A31);
        assertThat(client.readFrame(Duration.ofSeconds(10))).contains("MSA|AA|CTRL0001");
      }
      try (Socket probe = new Socket("127.0.0.1", service.healthCheckPort())) {
        assertThat(probe.isConnected()).isTrue();
      }
      JsonNode health = health(managementPort);
      assertThat(health.path("status").asText()).isEqualTo("UP");
      assertThat(health.path("components").path("mllpListener").path("status").asText())
          .isEqualTo("UP");
      assertThat(health.path("components").path("messageBus").path("status").asText())
          .isEqualTo("UP");
      assertThat(
              health.path("components").path("messageBus").path("details").path("target").asText())
          .isEqualTo("queue local-inthub-phw-transformer-ingress");
    }
  }

  @Test
  void refusesToStartWithAClearErrorForBadConfiguration() {
    assertThatThrownBy(() -> start(Map.of("HL7_VALIDATION_FLOW", "nope")).close())
        .hasRootCauseMessage(
            "HL7_VALIDATION_FLOW must be one of chemo, mosaiq, mpi, paris, phw, pims, wds (or"
                + " empty), was 'nope'");
    assertThatThrownBy(() -> start(Map.of("EGRESS_TOPIC_NAME", "mpihl7input")).close())
        .hasRootCauseMessage("Cannot specify both EGRESS_QUEUE_NAME and EGRESS_TOPIC_NAME.");
  }

  private ConfigurableApplicationContext start(Map<String, String> overrides) {
    Map<String, String> env = ServerHarness.envFile("phw");
    env.put("PORT", "0");
    env.put("HEALTH_CHECK_PORT", "0");
    env.put("MANAGEMENT_PORT", "0");
    env.put("MESSAGE_BUS", "artemis");
    env.put("ARTEMIS_DATA_DIR", data.resolve("artemis").toString());
    env.put("MESSAGE_BUS_TOPOLOGY_FILE", ServerHarness.TOPOLOGY.toString());
    env.putAll(overrides);
    List<String> properties = new ArrayList<>();
    env.forEach((name, value) -> properties.add(name + "=" + value));
    return new SpringApplicationBuilder(Hl7ServerApplication.class)
        .properties(properties.toArray(String[]::new))
        .run();
  }

  private static JsonNode health(int port) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }
}
