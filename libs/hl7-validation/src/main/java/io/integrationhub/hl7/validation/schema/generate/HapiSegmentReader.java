package io.integrationhub.hl7.validation.schema.generate;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.AbstractSegment;
import ca.uhn.hl7v2.model.GenericMessage;
import ca.uhn.hl7v2.model.Group;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.DefaultModelClassFactory;
import ca.uhn.hl7v2.parser.ModelClassFactory;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads segment definitions from HAPI's segment classes of a version: {@code numFields()}, {@code
 * isRequired(n)}, {@code getMaxCardinality(n)} (0 = unlimited) and the class of {@code getField(n,
 * 0)} as the field's data type, registered with {@link HapiDataTypes}.
 */
final class HapiSegmentReader {

  private final Hl7Version version;
  private final HapiDataTypes dataTypes;
  private final ModelClassFactory factory = new DefaultModelClassFactory();
  private final Message host;

  HapiSegmentReader(Hl7Version version, HapiDataTypes dataTypes) {
    this.version = version;
    this.dataTypes = dataTypes;
    this.host = newHostMessage(GenericMessage.getGenericMessageClass(version.id()), factory);
  }

  /** Reads segment {@code name} (e.g. {@code PID}). */
  SegmentDef read(String name) {
    String className = version.hapiPackage() + ".segment." + name;
    AbstractSegment segment = newSegment(loadClass(className));
    try {
      List<FieldDef> fields = new ArrayList<>();
      for (int number = 1; number <= segment.numFields(); number++) {
        String type = dataTypes.register(segment.getField(number, 0));
        Occurs occurs =
            Occurs.ofField(segment.isRequired(number), segment.getMaxCardinality(number));
        fields.add(new FieldDef(number, type, occurs));
      }
      return new SegmentDef(name, fields);
    } catch (HL7Exception e) {
      throw new IllegalStateException("Cannot read HAPI segment " + className, e);
    }
  }

  private static Class<?> loadClass(String className) {
    try {
      return Class.forName(className, true, HapiSegmentReader.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("No HAPI segment class " + className, e);
    }
  }

  private static Message newHostMessage(
      Class<? extends Message> messageClass, ModelClassFactory factory) {
    try {
      return messageClass.getConstructor(ModelClassFactory.class).newInstance(factory);
    } catch (NoSuchMethodException
        | InstantiationException
        | IllegalAccessException
        | InvocationTargetException e) {
      throw new IllegalStateException("Cannot instantiate " + messageClass.getName(), e);
    }
  }

  private AbstractSegment newSegment(Class<?> segmentClass) {
    try {
      return (AbstractSegment)
          segmentClass
              .getConstructor(Group.class, ModelClassFactory.class)
              .newInstance(host, factory);
    } catch (NoSuchMethodException
        | InstantiationException
        | IllegalAccessException
        | InvocationTargetException
        | ClassCastException e) {
      throw new IllegalStateException("Cannot instantiate " + segmentClass.getName(), e);
    }
  }
}
