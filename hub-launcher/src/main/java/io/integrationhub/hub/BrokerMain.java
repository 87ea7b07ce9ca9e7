package io.integrationhub.hub;

import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.artemis.ArtemisMessageBus;
import io.integrationhub.bus.artemis.ArtemisOptions;
import io.integrationhub.bus.topology.EmulatorConfigReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The local broker process: a real, persistent Apache ActiveMQ Artemis broker with the queues,
 * topics and subscriptions of {@code local/ServiceBusEmulatorConfig.json}, listening on {@code
 * 127.0.0.1:<port>} for the services of a profile. Runs until it is terminated.
 */
final class BrokerMain {

  private BrokerMain() {}

  static void run(HubLayout layout) throws IOException, MessageBusException, InterruptedException {
    Path topology = layout.local().resolve("ServiceBusEmulatorConfig.json");
    ArtemisMessageBus bus =
        ArtemisMessageBus.start(
            ArtemisOptions.builder()
                .dataDirectory(layout.brokerData())
                .acceptorPort(layout.brokerPort())
                .topology(EmulatorConfigReader.read(topology))
                .build());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  bus.close();
                  stopped.countDown();
                },
                "broker-shutdown"));
    System.out.printf(
        "Artemis broker listening on %s (journal %s, topology %s)%n",
        layout.brokerUrl(), layout.brokerData(), topology);
    stopped.await();
  }
}
