package io.integrationhub.bus.servicebus;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.messaging.servicebus.ServiceBusClientBuilder;
import com.azure.messaging.servicebus.ServiceBusClientBuilder.ServiceBusReceiverClientBuilder;
import com.azure.messaging.servicebus.ServiceBusReceivedMessage;
import com.azure.messaging.servicebus.ServiceBusReceiverClient;
import com.azure.messaging.servicebus.ServiceBusSessionReceiverClient;
import com.azure.messaging.servicebus.models.ServiceBusReceiveMode;
import com.azure.messaging.servicebus.models.SubQueue;
import io.integrationhub.bus.Destination;
import io.integrationhub.bus.MessageBus;
import io.integrationhub.bus.ReceivedMessage;
import io.integrationhub.bus.SessionReceiver;
import io.integrationhub.bus.Source;
import io.integrationhub.bus.contract.MessageBusContract;
import io.integrationhub.bus.topology.BusTopology;
import io.integrationhub.bus.topology.EmulatorConfigReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.azure.ServiceBusEmulatorContainer;
import org.testcontainers.containers.MSSQLServerContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * The contract suite against the Azure Service Bus emulator (with its SQL Server) in Docker, with
 * the entities of {@code local/ServiceBusEmulatorConfig.json} plus the suite's own. Skipped where
 * no Docker engine runs. Also pins the delivery-count rule on a real broker (see {@link
 * DeliveryCount}).
 */
@EnabledIf(
    value = "dockerAvailable",
    disabledReason =
        "No Docker engine available: the Azure Service Bus emulator contract test needs Docker"
            + " (Testcontainers) and is skipped")
class ServiceBusEmulatorContractTest extends MessageBusContract {
  static final DockerImageName EMULATOR =
      DockerImageName.parse("mcr.microsoft.com/azure-messaging/servicebus-emulator:1.1.2");
  static final DockerImageName SQL_SERVER =
      DockerImageName.parse("mcr.microsoft.com/mssql/server:2022-CU14-ubuntu-22.04");

  /** The emulator takes messages up to 256 KB; stay clear of it with the AMQP overhead. */
  static final int MAX_MESSAGE_BYTES = 200_000;

  private static Network network;
  private static MSSQLServerContainer<?> sqlServer;
  private static ServiceBusEmulatorContainer emulator;
  private static String connectionString;
  private static ServiceBusMessageBus bus;

  static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  @BeforeAll
  static void startEmulator() throws Exception {
    String config = EmulatorConfig.withContractEntities(EmulatorConfig.localConfig());
    network = Network.newNetwork();
    sqlServer = new MSSQLServerContainer<>(SQL_SERVER).acceptLicense().withNetwork(network);
    emulator =
        new ServiceBusEmulatorContainer(EMULATOR)
            .acceptLicense()
            .withConfig(Transferable.of(config))
            .withNetwork(network)
            .withMsSqlServerContainer(sqlServer);
    emulator.start();
    connectionString = emulator.getConnectionString();
    BusTopology topology =
        EmulatorConfigReader.read(
            new ByteArrayInputStream(config.getBytes(StandardCharsets.UTF_8)));
    bus =
        ServiceBusMessageBus.create(
            ServiceBusOptions.builder()
                .connectionString(connectionString)
                .topology(topology)
                .maxMessageBytes(MAX_MESSAGE_BYTES)
                .build());
    bus.applyTopology(topology);
  }

  @AfterAll
  static void stopEmulator() {
    if (bus != null) {
      bus.close();
    }
    if (emulator != null) {
      emulator.stop();
    }
    if (sqlServer != null) {
      sqlServer.stop();
    }
    if (network != null) {
      network.close();
    }
  }

  @Override
  protected MessageBus bus() {
    return bus;
  }

  @Override
  protected Source queueWithSessions() {
    return Source.queue(SESSION_QUEUE);
  }

  /** The emulator cannot create entities: the one plain queue of its config, drained per test. */
  @Override
  protected Source queueWithoutSessions() {
    return Source.queue(PLAIN_QUEUE);
  }

  @Override
  protected Destination topic() {
    return Destination.topic(TOPIC);
  }

  @Override
  protected Source subscriptionWithSessions() {
    return Source.subscription(TOPIC, SUBSCRIPTION);
  }

  @Override
  protected int maxMessageBytes() {
    return MAX_MESSAGE_BYTES;
  }

  @Override
  protected Duration receiveWait() {
    return Duration.ofSeconds(30);
  }

  @Override
  protected Duration absenceWait() {
    return Duration.ofSeconds(2);
  }

  @Override
  protected List<DeadLetter> deadLetters(Source source) {
    ServiceBusReceiverClientBuilder builder =
        new ServiceBusClientBuilder()
            .connectionString(connectionString)
            .receiver()
            .subQueue(SubQueue.DEAD_LETTER_QUEUE);
    if (source.isSubscription()) {
      builder.topicName(source.entity()).subscriptionName(source.subscription().orElseThrow());
    } else {
      builder.queueName(source.entity());
    }
    List<DeadLetter> deadLetters = new ArrayList<>();
    try (ServiceBusReceiverClient deadLetterQueue = builder.buildClient()) {
      for (ServiceBusReceivedMessage m : deadLetterQueue.peekMessages(250, 0)) {
        deadLetters.add(
            new DeadLetter(
                m.getBody().toString(),
                Optional.ofNullable(m.getMessageId()),
                ReceivedServiceBusMessage.properties(m.getApplicationProperties()),
                String.valueOf(m.getDeadLetterReason()),
                String.valueOf(m.getDeadLetterErrorDescription())));
      }
    }
    return deadLetters;
  }

  /** The port's rule on a real broker: 1 on the first delivery, 2 after one abandon. */
  @Test
  void deliveryCountIsOneOnFirstDeliveryAndTwoAfterAnAbandon() throws Exception {
    String session = freshSession();
    publishOne(message(session, "count-me"));
    try (SessionReceiver receiver = bus.receiver(queueWithSessions(), Optional.of(session))) {
      ReceivedMessage first = receiveExactly(receiver, 1).get(0);
      assertThat(first.deliveryCount()).isEqualTo(1);
      first.abandon();
      ReceivedMessage second = receiveExactly(receiver, 1).get(0);
      assertThat(second.deliveryCount()).isEqualTo(2);
      second.complete();
    }
  }

  /**
   * The evidence behind {@link DeliveryCount}: the SDK itself reports the AMQP header value, 0 on a
   * first delivery. If an SDK upgrade starts adding 1, this fails and the helper must change.
   */
  @Test
  void theSdkReportsZeroOnAFirstDelivery() throws Exception {
    String session = freshSession();
    publishOne(message(session, "raw-count"));
    try (ServiceBusSessionReceiverClient sessions =
            new ServiceBusClientBuilder()
                .connectionString(connectionString)
                .sessionReceiver()
                .queueName(SESSION_QUEUE)
                .receiveMode(ServiceBusReceiveMode.PEEK_LOCK)
                .disableAutoComplete()
                .buildClient();
        ServiceBusReceiverClient receiver = sessions.acceptSession(session)) {
      ServiceBusReceivedMessage first = receiveOne(receiver);
      assertThat(first.getDeliveryCount()).isZero();
      receiver.abandon(first);
      ServiceBusReceivedMessage second = receiveOne(receiver);
      assertThat(second.getDeliveryCount()).isEqualTo(1);
      receiver.complete(second);
    }
  }

  private ServiceBusReceivedMessage receiveOne(ServiceBusReceiverClient receiver) {
    for (ServiceBusReceivedMessage m : receiver.receiveMessages(1, receiveWait())) {
      return m;
    }
    throw new AssertionError("No message within " + receiveWait());
  }
}
