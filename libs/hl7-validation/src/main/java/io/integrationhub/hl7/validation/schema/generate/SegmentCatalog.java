package io.integrationhub.hl7.validation.schema.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The segments a version's base schemas declare: those used by any of HAPI's message structures of
 * the version (so BHS/FHS/ADD and other segments no structure uses are left out, as in the
 * reference), read from the resource {@code segments-<prefix>.txt} next to this class.
 *
 * <p>The list is derived by walking every HAPI message structure class of the version with {@link
 * HapiStructureReader}; {@code SegmentCatalogTest} re-derives it from the HAPI jar and fails when
 * it is stale. It is a resource rather than a run-time walk because HAPI has no index of its
 * structures (its event maps only list the events whose structure differs from their name), the
 * directory entries of a jar cannot be listed reliably inside a Spring Boot fat jar, and loading
 * the ~200 message and ~700 group classes of a version takes longer than generating the schemas.
 */
final class SegmentCatalog {

  private SegmentCatalog() {}

  /** The version's segment names, sorted, e.g. {@code ABS, ACC, AFF, ...}. */
  static List<String> segmentNames(Hl7Version version) {
    String resource = "segments-" + version.filePrefix() + ".txt";
    try (InputStream in = SegmentCatalog.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + resource);
      }
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        return reader
            .lines()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read resource " + resource, e);
    }
  }
}
