package io.integrationhub.hl7.validation.schema;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Where a flow's XSD files come from: the built-in set generated from HAPI's model, or an
 * operator's directory laid out like the reference hub's ({@code <flow>/<STRUCTURE>.xsd} plus the
 * {@code <version>_fields/segments/types.xsd} base files). Implementations are thread-safe.
 */
public interface SchemaSource {

  /** A short description for logs and error messages, e.g. {@code built-in} or a directory. */
  String description();

  /** The flow names this source has schemas for, e.g. {@code phw}, {@code pims}. */
  Set<String> flows();

  /**
   * The XSD file names of a flow, sorted, e.g. {@code 2_5_fields.xsd, 2_5_segments.xsd,
   * 2_5_types.xsd, ADT_A05.xsd, ADT_A39.xsd}; empty for an unknown flow.
   */
  List<String> fileNames(String flow);

  /**
   * The text of one file of a flow.
   *
   * @throws java.nio.file.NoSuchFileException when the flow has no such file
   * @throws IOException when it cannot be read
   */
  String read(String flow, String fileName) throws IOException;
}
