package io.integrationhub.transform.service;

import io.integrationhub.transform.FlowTransformer;
import io.integrationhub.transform.Mapper;
import io.integrationhub.transform.TransformException;
import java.util.List;

/** The service with a minimal transformer, configured by the PHW env file. */
class TransformerServiceTest extends AbstractTransformerServiceTest {

  private static final FlowTransformer TRANSFORMER =
      new FlowTransformer("TEST") {
        @Override
        protected List<Mapper> mappers() {
          return List.of(
              (in, out, audit) -> {
                if (in.value("MSH.7.1").isEmpty()) {
                  throw new TransformException("MSH.7 (message date/time) is empty");
                }
                out.set("MSH.3.1", in.value("MSH.3.1"));
                out.set("MSH.7.1", in.value("MSH.7.1"));
                out.set("MSH.10", in.value("MSH.10"));
              });
        }
      };

  @Override
  protected FlowTransformer transformer() {
    return TRANSFORMER;
  }

  @Override
  protected String flow() {
    return "phw";
  }

  @Override
  protected String validMessage(String controlId) {
    return "MSH|^~\\&|252|252|100|100|20300203040506||ADT^A31|" + controlId + "|P|2.5";
  }

  @Override
  protected String badMessage() {
    return "MSH|^~\\&|252|252|100|100|||ADT^A31|BAD|P|2.5";
  }

  @Override
  protected String rejectedField() {
    return "MSH.7";
  }
}
