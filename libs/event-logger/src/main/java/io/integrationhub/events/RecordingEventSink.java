package io.integrationhub.events;

import java.util.ArrayList;
import java.util.List;

/** A sink that keeps events in memory, in arrival order, for tests of this and other modules. */
public final class RecordingEventSink implements EventSink {
  private final List<Event> events = new ArrayList<>();

  @Override
  public synchronized void accept(Event event) {
    events.add(event);
  }

  /** A snapshot of every event recorded so far. */
  public synchronized List<Event> events() {
    return List.copyOf(events);
  }

  /** A snapshot of the events of one type. */
  public synchronized List<Event> ofType(EventType type) {
    return events.stream().filter(e -> e.eventType() == type).toList();
  }

  public synchronized void clear() {
    events.clear();
  }
}
