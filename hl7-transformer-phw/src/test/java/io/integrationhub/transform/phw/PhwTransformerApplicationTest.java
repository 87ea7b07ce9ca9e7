package io.integrationhub.transform.phw;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.bus.Destination;
import io.integrationhub.bus.MessageBus;
import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.MessagePublisher;
import io.integrationhub.bus.OutboundMessage;
import io.integrationhub.bus.ReceivedMessage;
import io.integrationhub.bus.SessionReceiver;
import io.integrationhub.bus.Source;
import io.integrationhub.transform.service.TransformerHarness;
import io.integrationhub.transform.service.TransformerService;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The Spring Boot application started from local/phw-hl7-transformer.env, embedded broker. */
class PhwTransformerApplicationTest {

  @Test
  @Timeout(60)
  void startsFromItsEnvFileAndTransformsAMessage(@TempDir Path data)
      throws MessageBusException, IOException {
    Map<String, String> env = TransformerHarness.envFile("phw");
    env.put("MESSAGE_BUS", "artemis");
    env.put("HEALTH_CHECK_PORT", "0");
    env.put("ARTEMIS_DATA_DIR", data.toString());
    env.put("MESSAGE_BUS_TOPOLOGY_FILE", TransformerHarness.topologyFile().toString());
    List<String> args = new ArrayList<>();
    env.forEach((name, value) -> args.add("--" + name + "=" + value));

    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(PhwTransformerApplication.class)
            .run(args.toArray(String[]::new))) {
      TransformerService service = context.getBean(TransformerService.class);
      assertThat(service.isRunning()).isTrue();
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress("127.0.0.1", service.healthCheckPort()), 2000);
      }

      MessageBus bus = context.getBean(MessageBus.class);
      try (MessagePublisher ingress =
          bus.publisher(Destination.queue("local-inthub-phw-transformer-ingress"))) {
        ingress.publish(
            OutboundMessage.builder(
                    "MSH|^~\\&|252|252|100|100|2030-02-03 04:05:06||ADT^A31^ADT_A05|SPRING1|P|2.5"
                        + "\rPID|||1234567^^^252^PI||FICTION^ANNA||20010203|F")
                .sessionId("phw-to-mpi")
                .property("CorrelationId", "spring-1")
                .build());
      }
      List<ReceivedMessage> out = new ArrayList<>();
      try (SessionReceiver egress =
          bus.receiver(Source.queue("local-inthub-mpi-sender-ingress"), Optional.of("mpi"))) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (out.isEmpty() && System.nanoTime() < deadline) {
          List<ReceivedMessage> batch = egress.receive(1, Duration.ofMillis(500));
          egress.completeAll(batch);
          out.addAll(batch);
        }
      }
      assertThat(out).hasSize(1);
      assertThat(out.get(0).body())
          .startsWith("MSH|^~\\&|252|252|100|100|20300203040506||ADT^A31^ADT_A05|SPRING1|P|2.5");
      assertThat(out.get(0).properties()).containsEntry("CorrelationId", "spring-1");
    }
  }
}
