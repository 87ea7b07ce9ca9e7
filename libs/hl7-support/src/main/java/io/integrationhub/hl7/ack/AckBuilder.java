package io.integrationhub.hl7.ack;

import io.integrationhub.hl7.Hl7ErrorCode;
import io.integrationhub.hl7.datetime.Hl7DateTime;
import io.integrationhub.hl7.encoding.Delimiters;
import io.integrationhub.hl7.encoding.Hl7Escaping;
import io.integrationhub.hl7.parse.MessageHeader;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * Builds the original-mode ACK a receiver returns, from the inbound {@link MessageHeader} only:
 *
 * <pre>
 * MSH|^~\&amp;|&lt;in MSH-5&gt;|&lt;in MSH-6&gt;|&lt;in MSH-3&gt;|&lt;in MSH-4&gt;|&lt;now yyyyMMddHHmmss&gt;||ACK^&lt;in MSH-9.2&gt;^ACK|&lt;in MSH-10&gt;|&lt;MSH-11&gt;|&lt;in MSH-12&gt;&lt;CR&gt;
 * MSA|&lt;code&gt;|&lt;in MSH-10&gt;&lt;CR&gt;
 * </pre>
 *
 * <p>MSH-1/MSH-2 are always {@code |} and {@code ^~\&}: the inbound fields are copied re-encoded
 * with those delimiters, whatever the inbound ones were. MSH-11 follows the {@link
 * ProcessingIdPolicy}. MSH-12 is always written (empty when the inbound had none). Every segment
 * ends with CR, the last one included; MLLP framing is the transport's job.
 *
 * <p>With an {@link AckError}, MSA-3 carries the text (at most 80 characters) and an ERR segment in
 * the v2.5 layout follows: {@code ERR||<SEG^seq^field>|<code>^<table 0357
 * text>^HL70357|<E/W/I>||||<text>} (ERR-8 at most 250 characters). Texts are escaped as plain text,
 * so a delimiter or a line break in them cannot break the ACK.
 *
 * <p>Immutable and thread-safe.
 */
public final class AckBuilder {

  /** The reference mock receiver's last-resort reply (not MLLP-framed). */
  private static final String FALLBACK_NACK =
      "MSH|^~\\&|||||||NACK||P|2.5|||AL\rMSA|AE|UNKNOWN|Error processing message\r";

  private static final int MSA3_MAX_LENGTH = 80;
  private static final int ERR8_MAX_LENGTH = 250;

  private final Clock clock;
  private final ProcessingIdPolicy processingIdPolicy;

  /** A builder using the system clock in the default time zone and {@code COPY_INBOUND}. */
  public AckBuilder() {
    this(Clock.systemDefaultZone(), ProcessingIdPolicy.COPY_INBOUND);
  }

  /**
   * @param clock gives MSH-7, written in the clock's zone
   * @param processingIdPolicy what MSH-11 says
   */
  public AckBuilder(Clock clock, ProcessingIdPolicy processingIdPolicy) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.processingIdPolicy = Objects.requireNonNull(processingIdPolicy, "processingIdPolicy");
  }

  /** A copy of this builder with another clock. */
  public AckBuilder withClock(Clock newClock) {
    return new AckBuilder(newClock, processingIdPolicy);
  }

  /** A copy of this builder with another processing id policy. */
  public AckBuilder withProcessingIdPolicy(ProcessingIdPolicy newPolicy) {
    return new AckBuilder(clock, newPolicy);
  }

  /** The ACK with MSA-1 = {@code code} and no error details. */
  public String build(MessageHeader inbound, AckCode code) {
    Objects.requireNonNull(inbound, "inbound");
    Objects.requireNonNull(code, "code");
    StringBuilder out = new StringBuilder(128 + estimate(inbound));
    appendMsh(out, inbound);
    appendMsa(out, inbound, code);
    out.append('\r');
    return out.toString();
  }

  /** The ACK with MSA-1 = {@code code}, MSA-3 = the error text and an ERR segment. */
  public String build(MessageHeader inbound, AckCode code, AckError error) {
    Objects.requireNonNull(inbound, "inbound");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(error, "error");
    StringBuilder out = new StringBuilder(256 + estimate(inbound) + 2 * error.text().length());
    appendMsh(out, inbound);
    appendMsa(out, inbound, code);
    if (!error.text().isEmpty()) {
      out.append('|');
      appendText(out, error.text(), MSA3_MAX_LENGTH);
    }
    out.append('\r');
    appendErr(out, error);
    return out.toString();
  }

  /**
   * Exactly {@code MSH|^~\&|||||||NACK||P|2.5|||AL<CR>MSA|AE|UNKNOWN|Error processing message<CR>}:
   * the reference mock receiver's reply when even building a NACK failed.
   */
  public static String fallbackNack() {
    return FALLBACK_NACK;
  }

  private void appendMsh(StringBuilder out, MessageHeader in) {
    out.append("MSH|^~\\&|");
    appendCopied(out, in.receivingApplication()).append('|');
    appendCopied(out, in.receivingFacility()).append('|');
    appendCopied(out, in.sendingApplication()).append('|');
    appendCopied(out, in.sendingFacility()).append('|');
    Hl7DateTime.appendSeconds(out, LocalDateTime.now(clock));
    out.append("||ACK^");
    appendCopied(out, in.triggerEvent()).append("^ACK|");
    appendCopied(out, in.controlId()).append('|');
    appendCopied(out, processingId(in)).append('|');
    appendCopied(out, in.versionId()).append('\r');
  }

  private static void appendMsa(StringBuilder out, MessageHeader in, AckCode code) {
    out.append("MSA|").append(code.name()).append('|');
    appendCopied(out, in.controlId());
  }

  /**
   * Appends an inbound value (already ER7 with the standard delimiters); a control character in it
   * (an {@code 0x1C} would end the MLLP frame early) is written as a hex escape.
   */
  private static StringBuilder appendCopied(StringBuilder out, String er7) {
    for (int i = 0; i < er7.length(); i++) {
      char c = er7.charAt(i);
      if (c < 0x20 && c != '\t') {
        Hl7Escaping.appendEscapedText(out, String.valueOf(c), Delimiters.STANDARD);
      } else {
        out.append(c);
      }
    }
    return out;
  }

  private static void appendErr(StringBuilder out, AckError error) {
    Hl7ErrorCode code = error.code();
    out.append("ERR||");
    error.location().ifPresent(location -> out.append(location.toEr7()));
    out.append('|')
        .append(code.code())
        .append('^')
        .append(code.description())
        .append('^')
        .append(Hl7ErrorCode.CODING_SYSTEM)
        .append('|')
        .append(error.severity().code());
    if (!error.text().isEmpty()) {
      out.append("||||");
      appendText(out, error.text(), ERR8_MAX_LENGTH);
    }
    out.append('\r');
  }

  private String processingId(MessageHeader in) {
    if (processingIdPolicy == ProcessingIdPolicy.FIXED_P || in.processingId().isEmpty()) {
      return "P";
    }
    return in.processingId();
  }

  private static void appendText(StringBuilder out, String text, int maxLength) {
    Hl7Escaping.appendEscapedText(out, truncate(text, maxLength), Delimiters.STANDARD);
  }

  private static String truncate(String text, int maxLength) {
    if (text.length() <= maxLength) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
    return text.substring(0, end);
  }

  private static int estimate(MessageHeader in) {
    return in.sendingApplication().length()
        + in.sendingFacility().length()
        + in.receivingApplication().length()
        + in.receivingFacility().length()
        + 2 * in.controlId().length()
        + in.processingId().length()
        + in.versionId().length();
  }
}
