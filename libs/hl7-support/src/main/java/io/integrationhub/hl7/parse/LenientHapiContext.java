package io.integrationhub.hl7.parse;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.parser.ParserConfiguration;
import ca.uhn.hl7v2.parser.UnexpectedSegmentBehaviourEnum;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;

/** Creates the HAPI configuration every parser of this package uses. */
final class LenientHapiContext {

  private LenientHapiContext() {}

  /**
   * A context that never validates, accepts unknown versions, keeps unexpected and Z segments where
   * they were found, and reads OBX-5/MFE-4 as ST when OBX-2/MFE-5 is missing or invalid. Configure
   * once, then only read: the context is shared by parsers on many threads.
   */
  static HapiContext create() {
    DefaultHapiContext context = new DefaultHapiContext();
    context.setModelClassFactory(new LenientModelClassFactory());
    context.setValidationContext(ValidationContextFactory.noValidation());
    ParserConfiguration configuration = context.getParserConfiguration();
    configuration.setValidating(false);
    configuration.setAllowUnknownVersions(true);
    configuration.setUnexpectedSegmentBehaviour(UnexpectedSegmentBehaviourEnum.ADD_INLINE);
    configuration.setDefaultObx2Type("ST");
    configuration.setInvalidObx2Type("ST");
    configuration.setDefaultMfe5Type("ST");
    configuration.setInvalidMfe5Type("ST");
    return context;
  }
}
