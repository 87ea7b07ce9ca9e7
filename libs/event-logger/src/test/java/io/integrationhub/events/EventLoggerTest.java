package io.integrationhub.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.slf4j.Logger;

class EventLoggerTest {
  private final RecordingEventSink recording = new RecordingEventSink();

  private EventLogger logger(boolean redactionEnabled, EventSink... sinks) {
    return new EventLogger(TestEvents.settings(redactionEnabled), List.of(sinks), TestEvents.CLOCK);
  }

  @Test
  void buildsOneEventWithTheServiceIdsAndTheArguments() {
    logger(true, recording)
        .log(EventType.VALIDATION_FAILED, "MSH|^~\\&|A|B", "HL7 validation error: x", "err", "c1");

    assertThat(recording.events())
        .containsExactly(
            new Event(
                "phw-to-mpi",
                "phw-hl7-server",
                EventType.VALIDATION_FAILED,
                TestEvents.NOW.truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                "MSH|^~\\&|A|B",
                "HL7 validation error: x",
                "err",
                "c1"));
  }

  @Test
  void timestampsAreUtcTruncatedToMicroseconds() {
    logger(true, recording).log(EventType.MESSAGE_RECEIVED, "", null, null, null);

    assertThat(recording.events().get(0).timestamp().getNano() % 1000).isZero();
    assertThat(EventTimestamps.format(recording.events().get(0).timestamp()))
        .isEqualTo(TestEvents.NOW_TEXT);
  }

  @Test
  void redactsTheContentWhenRedactionIsOn() {
    logger(true, recording).log(EventType.MESSAGE_RECEIVED, TestEvents.ADT_A31, null, null, null);

    assertThat(recording.events().get(0).messageContent())
        .isEqualTo(Hl7Redactor.redact(TestEvents.ADT_A31));
  }

  @Test
  void keepsTheRawContentWhenRedactionIsOff() {
    logger(false, recording).log(EventType.MESSAGE_RECEIVED, TestEvents.ADT_A31, null, null, null);

    assertThat(recording.events().get(0).messageContent()).isEqualTo(TestEvents.ADT_A31);
  }

  @Test
  void nullContentBecomesEmptyEitherWay() {
    logger(true, recording).log(EventType.MESSAGE_FAILED, null, null, null, null);
    logger(false, recording).log(EventType.MESSAGE_FAILED, null, null, null, null);

    assertThat(recording.events()).extracting(Event::messageContent).containsExactly("", "");
  }

  @Test
  void theJsonLineHidesThePatientWhenRedactionIsOn() {
    String line = jsonLineFor(true);

    assertThat(line).doesNotContain(TestEvents.PATIENT_NAME, TestEvents.NHS_NUMBER, "19990101");
    assertThat(line).contains("ADT^A31^ADT_A05", "CTL1", "PID|||***||***||***|***");
  }

  @Test
  void theJsonLineShowsThePatientWhenRedactionIsOff() {
    String line = jsonLineFor(false);

    assertThat(line).contains(TestEvents.PATIENT_NAME, TestEvents.NHS_NUMBER);
  }

  private String jsonLineFor(boolean redactionEnabled) {
    Logger slf4j = mock(Logger.class);
    when(slf4j.isInfoEnabled()).thenReturn(true);
    logger(redactionEnabled, new JsonLogEventSink(slf4j))
        .log(EventType.MESSAGE_RECEIVED, TestEvents.ADT_A31, null, null, null);
    ArgumentCaptor<String> line = ArgumentCaptor.forClass(String.class);
    verify(slf4j).info(line.capture());
    return line.getValue();
  }

  @Test
  void theJsonLineParsesBackToTheEvent() throws Exception {
    Logger slf4j = mock(Logger.class);
    when(slf4j.isInfoEnabled()).thenReturn(true);
    logger(true, new JsonLogEventSink(slf4j))
        .log(EventType.MESSAGE_PROCESSED, "MSH|^~\\&|A", "ACK generated successfully", null, "c");
    ArgumentCaptor<String> line = ArgumentCaptor.forClass(String.class);
    verify(slf4j).info(line.capture());

    var json =
        new ObjectMapper().readTree(line.getValue().substring(JsonLogEventSink.PREFIX.length()));
    assertThat(json.get("event_type").asText()).isEqualTo("MESSAGE_PROCESSED");
    assertThat(json.get("timestamp").asText()).isEqualTo(TestEvents.NOW_TEXT);
    assertThat(json.get("validation_result").asText()).isEqualTo("ACK generated successfully");
    assertThat(json.get("error_details").isNull()).isTrue();
    assertThat(json.get("correlation_id").asText()).isEqualTo("c");
  }

  @Test
  void aThrowingSinkNeverBreaksLogAndIsCounted() {
    EventSink failing =
        event -> {
          throw new IllegalStateException("sink down");
        };
    EventLogger logger = logger(true, failing, recording);

    assertThatCode(
            () -> {
              logger.log(EventType.MESSAGE_RECEIVED, TestEvents.ADT_A31, null, null, null);
              logger.log(EventType.MESSAGE_PROCESSED, TestEvents.ADT_A31, null, null, null);
            })
        .doesNotThrowAnyException();

    assertThat(logger.failedDeliveries()).isEqualTo(2);
    assertThat(recording.events()).hasSize(2);
  }

  @Test
  void checkedExceptionsAndLinkageErrorsFromSinksAreContainedToo() {
    EventSink checked =
        event -> {
          throw new java.io.IOException("disk full");
        };
    EventSink linkage =
        event -> {
          throw new NoClassDefFoundError("com/azure/Missing");
        };
    EventLogger logger = logger(true, checked, linkage, recording);

    assertThatCode(() -> logger.log(EventType.MESSAGE_FAILED, "x", null, null, null))
        .doesNotThrowAnyException();

    assertThat(logger.failedDeliveries()).isEqualTo(2);
    assertThat(recording.events()).hasSize(1);
  }

  @Test
  void aNullEventTypeIsNotRecordedButDoesNotThrow() {
    EventLogger logger = logger(true, recording);

    assertThatCode(() -> logger.log(null, "x", null, null, null)).doesNotThrowAnyException();

    assertThat(recording.events()).isEmpty();
    assertThat(logger.failedDeliveries()).isEqualTo(1);
  }

  @Test
  void aFailingClockDoesNotThrow() {
    Clock broken = mock(Clock.class);
    when(broken.instant()).thenThrow(new IllegalStateException("clock"));
    EventLogger logger = new EventLogger(TestEvents.settings(true), List.of(recording), broken);

    assertThatCode(() -> logger.log(EventType.MESSAGE_RECEIVED, "x", null, null, null))
        .doesNotThrowAnyException();
    assertThat(logger.failedDeliveries()).isEqualTo(1);
  }

  @Test
  void closeClosesCloseableSinksAndNeverThrows() {
    AtomicBoolean closed = new AtomicBoolean();
    class ClosingSink implements EventSink, AutoCloseable {
      @Override
      public void accept(Event event) {}

      @Override
      public void close() {
        closed.set(true);
      }
    }
    class FailingCloseSink implements EventSink, AutoCloseable {
      @Override
      public void accept(Event event) {}

      @Override
      public void close() throws java.io.IOException {
        throw new java.io.IOException("cannot close");
      }
    }
    EventLogger logger = logger(true, new FailingCloseSink(), new ClosingSink(), recording);

    assertThatCode(logger::close).doesNotThrowAnyException();
    assertThat(closed).isTrue();
  }

  @Test
  void manyThreadsLoggingLoseNothing() throws Exception {
    int threads = 16;
    int perThread = 500;
    EventLogger logger = logger(false, recording);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    AtomicInteger thrown = new AtomicInteger();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    try {
                      logger.log(EventType.MESSAGE_RECEIVED, thread + "-" + i, null, null, null);
                    } catch (RuntimeException e) {
                      thrown.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(thrown).hasValue(0);
    List<Event> events = recording.events();
    assertThat(events).hasSize(threads * perThread);
    assertThat(events).extracting(Event::messageContent).doesNotHaveDuplicates();
    assertThat(recording.ofType(EventType.MESSAGE_RECEIVED)).hasSize(threads * perThread);
    assertThat(logger.failedDeliveries()).isZero();
  }

  @Test
  void createAlwaysHasTheJsonSinkAndNoAzureSinkWithoutAConnectionString() {
    try (EventLogger logger = EventLogger.create(TestEvents.settings(true))) {
      assertThat(logger.sinks()).singleElement().isInstanceOf(JsonLogEventSink.class);
      assertThatCode(() -> logger.log(EventType.MESSAGE_RECEIVED, "MSH|^~\\&", null, null, null))
          .doesNotThrowAnyException();
      assertThat(logger.failedDeliveries()).isZero();
    }
  }

  @Test
  void settingsAreExposed() {
    EventLoggerSettings settings =
        new EventLoggerSettings("w", "m", true, Optional.empty(), Optional.empty(), "s");
    try (EventLogger logger = new EventLogger(settings, List.of(), TestEvents.CLOCK)) {
      assertThat(logger.settings()).isSameAs(settings);
    }
  }
}
