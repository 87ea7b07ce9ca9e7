package io.integrationhub.transform;

import io.integrationhub.hl7.encoding.Delimiters;
import io.integrationhub.hl7.validation.er7.Er7FormatException;
import io.integrationhub.hl7.validation.er7.Er7Message;
import io.integrationhub.hl7.validation.er7.Er7Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The message a transformer reads: segments in wire order (flat, no groups, nothing discarded),
 * values by {@link Hl7Path}. Every value is returned with the standard delimiters {@code |^~\&},
 * whatever the message used, so it can be written into the outbound message as is. Reading
 * something absent gives {@code ""}, never an error.
 */
public final class InboundMessage {

  private final Er7Message message;

  private InboundMessage(Er7Message message) {
    this.message = message;
  }

  /**
   * Splits {@code er7} (CR-separated; trailing whitespace of each segment ignored, as the
   * reference's parser does).
   *
   * @throws MalformedMessageException when it is not an HL7 message
   */
  public static InboundMessage parse(String er7) throws MalformedMessageException {
    try {
      return new InboundMessage(Er7Message.parse(stripSegmentEnds(er7)));
    } catch (Er7FormatException e) {
      throw new MalformedMessageException("Invalid message: " + e.getMessage());
    }
  }

  private static String stripSegmentEnds(String er7) {
    String[] segments = er7.strip().split("\r", -1);
    StringBuilder out = new StringBuilder(er7.length());
    for (String segment : segments) {
      if (!out.isEmpty()) {
        out.append('\r');
      }
      out.append(segment.stripTrailing());
    }
    return out.toString();
  }

  /** Segment ids in wire order. */
  public List<String> segmentIds() {
    return message.segments().stream().map(Er7Segment::name).toList();
  }

  /** The number of segments with this id. */
  public int count(String segment) {
    return (int) message.segments().stream().filter(s -> s.name().equals(segment)).count();
  }

  /** Whether the message has a segment with this id. */
  public boolean has(String segment) {
    return count(segment) > 0;
  }

  /** The value at {@code path}, {@code ""} when absent. */
  public String value(String path) {
    return value(Hl7Path.parse(path));
  }

  /** The value at {@code path}, {@code ""} when absent. */
  public String value(Hl7Path path) {
    Optional<Er7Segment> segment = segment(path.segment(), path.occurrence());
    if (segment.isEmpty()) {
      return "";
    }
    if (path.field() == 0) {
      return standard(segmentText(segment.get()));
    }
    List<String> repetitions = repetitions(segment.get(), path.field());
    if (path.repetition() > repetitions.size()) {
      return "";
    }
    String text = repetitions.get(path.repetition() - 1);
    if (path.component() == 0) {
      return standard(text);
    }
    Delimiters d = message.delimiters();
    String component = piece(Er7Message.split(text, d.component()), path.component());
    if (path.subcomponent() == 0) {
      return standard(component);
    }
    return standard(piece(Er7Message.split(component, d.subcomponent()), path.subcomponent()));
  }

  /** Every repetition of a field (empty ones included), standard delimiters; empty when absent. */
  public List<String> repetitions(String segment, int occurrence, int field) {
    Optional<Er7Segment> found = segment(segment, occurrence);
    if (found.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String repetition : repetitions(found.get(), field)) {
      out.add(standard(repetition));
    }
    return out;
  }

  /** The highest field number present in an occurrence of a segment (0 when absent). */
  public int fieldCount(String segment, int occurrence) {
    return segment(segment, occurrence).map(Er7Segment::fieldCount).orElse(0);
  }

  private List<String> repetitions(Er7Segment segment, int field) {
    String text = segment.field(field);
    if (text.isEmpty()) {
      return List.of();
    }
    if ("MSH".equals(segment.name()) && field <= 2) {
      return List.of(text);
    }
    return Er7Message.split(text, message.delimiters().repetition());
  }

  private Optional<Er7Segment> segment(String id, int occurrence) {
    int seen = 0;
    for (Er7Segment segment : message.segments()) {
      if (segment.name().equals(id) && ++seen == occurrence) {
        return Optional.of(segment);
      }
    }
    return Optional.empty();
  }

  private String segmentText(Er7Segment segment) {
    return String.join(String.valueOf(message.delimiters().field()), segment.fields());
  }

  private static String piece(List<String> pieces, int number) {
    return number <= pieces.size() ? pieces.get(number - 1) : "";
  }

  /** Text re-expressed with the standard delimiters when the message uses others. */
  private String standard(String text) {
    Delimiters d = message.delimiters();
    if (d.isStandard()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == d.field()) {
        out.append('|');
      } else if (c == d.component()) {
        out.append('^');
      } else if (c == d.repetition()) {
        out.append('~');
      } else if (c == d.escape()) {
        out.append('\\');
      } else if (c == d.subcomponent()) {
        out.append('&');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
