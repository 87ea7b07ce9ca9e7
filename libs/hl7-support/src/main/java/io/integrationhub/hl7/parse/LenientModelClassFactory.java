package io.integrationhub.hl7.parse;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.Version;
import ca.uhn.hl7v2.model.GenericMessage;
import ca.uhn.hl7v2.model.Group;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.parser.DefaultModelClassFactory;

/**
 * HAPI's default factory, except that a version HAPI does not know (e.g. {@code 2.9}) yields
 * generic structures instead of an exception: {@code ParserConfiguration#setAllowUnknownVersions}
 * alone does not get past the default factory's own version check.
 */
final class LenientModelClassFactory extends DefaultModelClassFactory {

  private static final long serialVersionUID = 1L;

  @Override
  public Class<? extends Message> getMessageClass(String name, String version, boolean isExplicit)
      throws HL7Exception {
    if (!Version.supportsVersion(version)) {
      return GenericMessage.UnknownVersion.class;
    }
    return super.getMessageClass(name, version, isExplicit);
  }

  @Override
  public Class<? extends Group> getGroupClass(String name, String version) throws HL7Exception {
    return Version.supportsVersion(version) ? super.getGroupClass(name, version) : null;
  }

  @Override
  public Class<? extends Segment> getSegmentClass(String name, String version) throws HL7Exception {
    return Version.supportsVersion(version) ? super.getSegmentClass(name, version) : null;
  }

  @Override
  public Class<? extends Type> getTypeClass(String name, String version) throws HL7Exception {
    return Version.supportsVersion(version) ? super.getTypeClass(name, version) : null;
  }
}
