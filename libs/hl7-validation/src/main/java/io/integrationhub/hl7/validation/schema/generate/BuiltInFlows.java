package io.integrationhub.hl7.validation.schema.generate;

import static io.integrationhub.hl7.validation.schema.generate.FlowStructure.customised;
import static io.integrationhub.hl7.validation.schema.generate.FlowStructure.standard;

import java.util.List;

/**
 * The built-in flows and their customisations of the standard structures, matching the reference
 * hub's schema sets (spec {@code hl7-validation.md} §7):
 *
 * <ul>
 *   <li>chemo (2.4): ADT_A05; ADT_A39 with NK1* added to PATIENT;
 *   <li>mosaiq, phw (2.5) and paris (2.5.1): the standard ADT_A05 and ADT_A39;
 *   <li>pims (2.3.1): ADT_A01, ADT_A39, and ADT_A40 = ADT_A39 renamed;
 *   <li>wds (2.5): ADT_A05 with PV1/PV2/ROL* in an optional VISIT group; ADT_A39.
 * </ul>
 */
final class BuiltInFlows {

  /** All built-in flows, by name. */
  static final List<BuiltInFlow> ALL =
      List.of(
          new BuiltInFlow(
              "chemo",
              Hl7Version.V2_4,
              List.of(
                  standard("ADT_A05"), customised("ADT_A39", "ADT_A39", BuiltInFlows::nk1InA39))),
          new BuiltInFlow(
              "mosaiq", Hl7Version.V2_5, List.of(standard("ADT_A05"), standard("ADT_A39"))),
          new BuiltInFlow(
              "paris", Hl7Version.V2_5_1, List.of(standard("ADT_A05"), standard("ADT_A39"))),
          new BuiltInFlow(
              "phw", Hl7Version.V2_5, List.of(standard("ADT_A05"), standard("ADT_A39"))),
          new BuiltInFlow(
              "pims",
              Hl7Version.V2_3_1,
              List.of(
                  standard("ADT_A01"),
                  standard("ADT_A39"),
                  customised("ADT_A40", "ADT_A39", BuiltInFlows::a40FromA39))),
          new BuiltInFlow(
              "wds",
              Hl7Version.V2_5,
              List.of(
                  customised("ADT_A05", "ADT_A05", BuiltInFlows::optionalVisitInA05),
                  standard("ADT_A39"))));

  private BuiltInFlows() {}

  /**
   * Chemocare merges carry NK1: {@code NK1*} is added to ADT_A39's PATIENT group after PD1, giving
   * PATIENT{PID, PD1?, NK1*, MRG, PV1?}.
   */
  static StructureDef nk1InA39(StructureDef adtA39) {
    return adtA39.withChildAfter("PATIENT", "PD1", ChildRef.segment("NK1", Occurs.of(false, true)));
  }

  /**
   * WDS sends A28 without PV1: PV1, PV2 and the ROL* after them move into a new optional group
   * VISIT{PV1?, PV2?, ROL*} where PV1 was.
   */
  static StructureDef optionalVisitInA05(StructureDef adtA05) {
    return adtA05
        .withRootChildrenGrouped("VISIT", List.of("PV1", "PV2", "ROL"), Occurs.of(false, false))
        .withOptionalChild("VISIT", "PV1");
  }

  /**
   * PIMS sends {@code ADT^A40^ADT_A40}, which v2.3.1 does not define: the ADT_A39 structure under
   * the name ADT_A40 (group ADT_A40.PIDPD1MRGPV1). HAPI's own v2.3.1 ADT_A40 class is not used.
   */
  static StructureDef a40FromA39(StructureDef adtA39) {
    return adtA39.renamed("ADT_A40");
  }
}
