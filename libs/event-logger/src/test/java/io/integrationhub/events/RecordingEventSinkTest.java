package io.integrationhub.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecordingEventSinkTest {

  @Test
  void keepsEventsInOrderAndFiltersByType() {
    RecordingEventSink sink = new RecordingEventSink();
    Event received = TestEvents.event(EventType.MESSAGE_RECEIVED, "a");
    Event failed = TestEvents.event(EventType.MESSAGE_FAILED, "b");
    Event received2 = TestEvents.event(EventType.MESSAGE_RECEIVED, "c");

    sink.accept(received);
    sink.accept(failed);
    sink.accept(received2);

    assertThat(sink.events()).containsExactly(received, failed, received2);
    assertThat(sink.ofType(EventType.MESSAGE_RECEIVED)).containsExactly(received, received2);
    assertThat(sink.ofType(EventType.MESSAGE_SENT)).isEmpty();
  }

  @Test
  void snapshotsDoNotChangeAndClearEmpties() {
    RecordingEventSink sink = new RecordingEventSink();
    sink.accept(TestEvents.event(EventType.MESSAGE_RECEIVED, "a"));
    List<Event> before = sink.events();

    sink.clear();
    sink.accept(TestEvents.event(EventType.MESSAGE_SENT, "b"));

    assertThat(before).hasSize(1);
    assertThat(sink.events()).extracting(Event::eventType).containsExactly(EventType.MESSAGE_SENT);
  }
}
