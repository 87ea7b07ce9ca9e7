package io.integrationhub.transform.chemo;

import io.integrationhub.transform.AuditTrail;
import io.integrationhub.transform.InboundMessage;
import io.integrationhub.transform.Mapper;
import io.integrationhub.transform.MessageBuilder;
import io.integrationhub.transform.TransformException;
import io.integrationhub.transform.vectors.Er7PathReader;

/** Fictional Chemocare test messages and helpers (no real patient data). */
final class Messages {

  /** A Chemocare A31 header from sending application {@code app}. */
  static String msh(String app) {
    return "MSH|^~\\&|"
        + app
        + "|"
        + app
        + "|200|200|20240102030405||ADT^A31|CTRL0001|P|2.4|||NE|NE";
  }

  /** Segments joined with CR. */
  static String message(String... segments) {
    return String.join("\r", segments);
  }

  /** Runs one mapper on {@code er7} and returns the encoded output. */
  static String map(Mapper mapper, String er7) throws TransformException {
    MessageBuilder out = new MessageBuilder();
    mapper.map(InboundMessage.parse(er7), out, new AuditTrail());
    return out.encode();
  }

  /** A reader over a mapper's output. */
  static Er7PathReader mapped(Mapper mapper, String er7) throws TransformException {
    return Er7PathReader.of(map(mapper, er7));
  }

  private Messages() {}
}
