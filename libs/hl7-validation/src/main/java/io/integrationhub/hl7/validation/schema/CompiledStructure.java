package io.integrationhub.hl7.validation.schema;

import java.util.concurrent.ConcurrentLinkedQueue;
import javax.xml.validation.Schema;
import javax.xml.validation.ValidatorHandler;

/**
 * One structure of one flow, ready to use: the converter's model and the compiled JAXP schema, with
 * a pool of validator handlers (a handler is not thread-safe, the schema is).
 */
public final class CompiledStructure {

  private final MessageStructure model;
  private final Schema schema;
  private final boolean structural;
  private final ConcurrentLinkedQueue<ValidatorHandler> idle = new ConcurrentLinkedQueue<>();

  CompiledStructure(MessageStructure model, Schema schema, boolean structural) {
    this.model = model;
    this.schema = schema;
    this.structural = structural;
  }

  /**
   * Whether the schema is the structure schema (segments and fields only, see {@code
   * StructureSchema}): the validator must then be given no events below field level.
   */
  public boolean structural() {
    return structural;
  }

  /** The converter's view of the structure. */
  public MessageStructure model() {
    return model;
  }

  /** A validator handler for one message; give it back with {@link #release}. */
  public ValidatorHandler acquire() {
    ValidatorHandler handler = idle.poll();
    return handler != null ? handler : schema.newValidatorHandler();
  }

  /** Returns a handler after use (only after a complete, successful or failed, document). */
  public void release(ValidatorHandler handler) {
    handler.setContentHandler(null);
    handler.setErrorHandler(null);
    idle.offer(handler);
  }
}
