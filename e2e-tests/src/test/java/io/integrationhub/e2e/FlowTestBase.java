package io.integrationhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.e2e.HubFixture.Received;
import io.integrationhub.events.EventType;
import io.integrationhub.mllp.testing.RawMllpClient;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The three end-to-end checks every flow must pass, on one running hub per test class (server,
 * transformer if any, sender and mock MPI on one embedded broker): one sample message delivered and
 * mapped field by field, 500 messages delivered in order, invalid messages never reaching MPI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
abstract class FlowTestBase {

  static final Duration ARRIVAL = Duration.ofSeconds(120);
  static final Duration ACK = Duration.ofSeconds(30);

  /** How long to keep watching for messages that should not come. */
  static final Duration QUIET = Duration.ofMillis(500);

  HubFixture hub;

  /** The flow: {@code phw}, {@code paris}, {@code chemo}, {@code pims}, {@code mosaiq}. */
  abstract String flow();

  /** Checks what MPI received for the flow's sample message, field by field. */
  abstract void assertDeliveredSample(String sent, String delivered);

  @BeforeAll
  void startHub() {
    hub = HubFixture.start(flow());
  }

  @AfterAll
  void stopHub() {
    if (hub != null) {
      hub.close();
    }
  }

  String sample() {
    return Hl7.sample(flow() + "-to-mpi.hl7");
  }

  /** The sample with another MSH-10 and PID-5.1 (family name). */
  String variant(String controlId, String familyName) {
    return Hl7.withComponent(
        Hl7.withField(sample(), "MSH", 10, controlId), "PID", 5, 1, familyName);
  }

  static void assertAa(String ack, String controlId) {
    assertThat(Hl7.value(ack, "MSH.9.1")).isEqualTo("ACK");
    assertThat(Hl7.value(ack, "MSA.1")).as("MSA-1 of %s", ack).isEqualTo("AA");
    assertThat(Hl7.value(ack, "MSA.2")).isEqualTo(controlId);
  }

  /** Everything the server sends until it closes the connection; fails if it stays open. */
  static byte[] bytesUntilClosed(RawMllpClient client, Duration timeout) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Duration left = Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
      try {
        bytes.writeBytes(client.readAvailable(left));
      } catch (EOFException | SocketException e) {
        return bytes.toByteArray();
      } catch (SocketTimeoutException e) {
        throw new AssertionError("the server did not close the connection within " + timeout, e);
      }
    }
  }

  @Test
  void sampleMessageIsAckedAndDeliveredMapped() throws Exception {
    int before = hub.received().size();
    int failuresBefore = hub.failures().size();
    String sample = sample();
    String controlId = Hl7.value(sample, "MSH.10");
    assertThat(controlId).isNotBlank();

    Optional<String> ack = hub.sendOnce(sample);

    assertThat(ack).as("ACK for the sample; failures %s", hub.failures()).isPresent();
    assertAa(ack.get(), controlId);
    hub.awaitReceived(before + 1, ARRIVAL);
    Thread.sleep(QUIET.toMillis());
    List<Received> all = hub.received();
    List<Received> received = all.subList(before, all.size());
    assertThat(received).hasSize(1);
    assertThat(received.get(0).controlId()).isEqualTo(controlId);
    assertThat(received.get(0).reply()).isEqualTo("AA");
    assertDeliveredSample(sample, received.get(0).message());
    assertThat(hub.failures()).as("failure events of any service").hasSize(failuresBefore);
  }

  @Test
  void fiveHundredMessagesArriveInTheOrderSent() throws Exception {
    int before = hub.received().size();
    int failuresBefore = hub.failures().size();
    List<String> controlIds = new ArrayList<>();
    List<String> familyNames = new ArrayList<>();
    try (RawMllpClient client = hub.connect()) {
      for (int i = 1; i <= 500; i++) {
        String controlId = "E2E%04d".formatted(i);
        String family = "ORDER%04d".formatted(i);
        client.sendFrame(variant(controlId, family));
        assertAa(client.readFrame(ACK), controlId);
        controlIds.add(controlId);
        familyNames.add(family);
      }
    }

    hub.awaitReceived(before + 500, ARRIVAL);
    Thread.sleep(QUIET.toMillis());
    List<Received> all = hub.received();
    List<Received> received = all.subList(before, all.size());
    assertThat(received).hasSize(500);
    assertThat(received).extracting(Received::controlId).containsExactlyElementsOf(controlIds);
    assertThat(received)
        .extracting(r -> Hl7.value(r.message(), "PID.5.1"))
        .containsExactlyElementsOf(familyNames);
    assertThat(received).extracting(Received::reply).containsOnly("AA");
    assertThat(hub.failures()).as("failure events of any service").hasSize(failuresBefore);
  }

  @Test
  void invalidMessagesGetNoAaAndNeverReachMpi() throws Exception {
    int before = hub.received().size();
    int failedBefore = hub.serverEvents().ofType(EventType.MESSAGE_FAILED).size();
    int failuresBefore = hub.failures().size();
    List<String> invalid =
        List.of(
            Hl7.withField(variant("E2EBADAPP", "REJECTED"), "MSH", 3, "999"),
            Hl7.withField(variant("E2EBADVER", "REJECTED"), "MSH", 12, "2.2"),
            Hl7.withField(variant("E2EBADTYPE", "REJECTED"), "MSH", 9, "ADT^A01^ADT_A01"));
    for (String message : invalid) {
      try (RawMllpClient client = hub.connect()) {
        client.sendFrame(message);
        // the default (NAK_ON_ERROR unset): no reply, the connection is closed
        assertThat(bytesUntilClosed(client, ACK))
            .as("what the server sent before closing the connection")
            .isEmpty();
      }
    }
    assertThat(hub.serverEvents().ofType(EventType.MESSAGE_FAILED))
        .hasSize(failedBefore + invalid.size());

    List<String> valid = List.of("E2EAFTER1", "E2EAFTER2");
    try (RawMllpClient client = hub.connect()) {
      for (String controlId : valid) {
        client.sendFrame(variant(controlId, "VALIDAFTER"));
        assertAa(client.readFrame(ACK), controlId);
      }
    }
    hub.awaitReceived(before + valid.size(), ARRIVAL);
    Thread.sleep(QUIET.toMillis());
    List<Received> all = hub.received();
    assertThat(all.subList(before, all.size()))
        .extracting(Received::controlId)
        .containsExactlyElementsOf(valid);
    assertThat(all)
        .extracting(Received::controlId)
        .doesNotContain("E2EBADAPP", "E2EBADVER", "E2EBADTYPE");
    assertThat(all).noneMatch(r -> r.message().contains("REJECTED"));
    // only the server saw them: exactly one failure event each, none downstream
    assertThat(hub.failures()).hasSize(failuresBefore + invalid.size());
  }
}
