package io.integrationhub.hl7.validation.schema.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The structure model and the edits the customised flows apply to it. */
class StructureDefTest {

  private static final Occurs ONE = Occurs.required();
  private static final Occurs OPTIONAL = Occurs.of(false, false);
  private static final Occurs ANY = Occurs.of(false, true);

  /** MSH, EVN, PATIENT{PID, PD1?, MRG}+, like ADT_A39. */
  private static final StructureDef MERGE =
      new StructureDef(
          "ADT_A39",
          List.of(
              ChildRef.segment("MSH", ONE),
              ChildRef.segment("EVN", ONE),
              ChildRef.group("PATIENT", Occurs.of(true, true))),
          List.of(
              new GroupDef(
                  "PATIENT",
                  List.of(
                      ChildRef.segment("PID", ONE),
                      ChildRef.segment("PD1", OPTIONAL),
                      ChildRef.segment("MRG", ONE)))));

  @Test
  void occursRanges() {
    assertThat(Occurs.of(true, false)).isEqualTo(new Occurs(1, 1));
    assertThat(Occurs.of(false, true)).isEqualTo(new Occurs(0, Occurs.UNBOUNDED));
    assertThat(Occurs.ofField(true, 0)).isEqualTo(new Occurs(1, Occurs.UNBOUNDED));
    assertThat(Occurs.ofField(false, 10)).isEqualTo(new Occurs(0, 10));
    assertThat(new Occurs(1, 5).optional()).isEqualTo(new Occurs(0, 5));
    assertThat(ANY).hasToString("0..*");
    assertThatThrownBy(() -> new Occurs(2, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void groupElementsAreNamedAfterTheStructure() {
    assertThat(MERGE.groupElementName("PATIENT")).isEqualTo("ADT_A39.PATIENT");
    assertThat(MERGE.elementName(MERGE.children().get(2))).isEqualTo("ADT_A39.PATIENT");
    assertThat(MERGE.elementName(MERGE.children().get(0))).isEqualTo("MSH");
    assertThat(MERGE.segmentNames()).containsExactly("MSH", "EVN", "PID", "PD1", "MRG");
  }

  @Test
  void renamingRenamesTheGroupElements() {
    StructureDef renamed = MERGE.renamed("ADT_A40");

    assertThat(renamed.name()).isEqualTo("ADT_A40");
    assertThat(renamed.groupElementName("PATIENT")).isEqualTo("ADT_A40.PATIENT");
    assertThat(renamed.children()).isEqualTo(MERGE.children());
    assertThat(renamed.groups()).isEqualTo(MERGE.groups());
  }

  @Test
  void insertsAChildAfterAnother() {
    StructureDef edited = MERGE.withChildAfter("PATIENT", "PD1", ChildRef.segment("NK1", ANY));

    assertThat(edited.groupChildren("PATIENT"))
        .extracting(ChildRef::name)
        .containsExactly("PID", "PD1", "NK1", "MRG");
    assertThat(edited.groupChildren("PATIENT").get(2).occurs()).isEqualTo(ANY);
    assertThat(MERGE.groupChildren("PATIENT")).hasSize(3);
  }

  @Test
  void makesAChildOptional() {
    StructureDef edited = MERGE.withOptionalChild("PATIENT", "MRG");

    assertThat(edited.groupChildren("PATIENT").get(2)).isEqualTo(ChildRef.segment("MRG", OPTIONAL));
  }

  @Test
  void groupsARunOfRootChildrenWhereTheRunWas() {
    StructureDef structure =
        new StructureDef(
            "ADT_A05",
            List.of(
                ChildRef.segment("PID", ONE),
                ChildRef.segment("ROL", ANY),
                ChildRef.segment("PV1", ONE),
                ChildRef.segment("PV2", OPTIONAL),
                ChildRef.segment("ROL", ANY),
                ChildRef.group("PROCEDURE", ANY)),
            List.of(new GroupDef("PROCEDURE", List.of(ChildRef.segment("PR1", ONE)))));

    StructureDef edited =
        structure.withRootChildrenGrouped("VISIT", List.of("PV1", "PV2", "ROL"), OPTIONAL);

    assertThat(edited.children())
        .containsExactly(
            ChildRef.segment("PID", ONE),
            ChildRef.segment("ROL", ANY),
            ChildRef.group("VISIT", OPTIONAL),
            ChildRef.group("PROCEDURE", ANY));
    assertThat(edited.groupChildren("VISIT"))
        .containsExactly(
            ChildRef.segment("PV1", ONE),
            ChildRef.segment("PV2", OPTIONAL),
            ChildRef.segment("ROL", ANY));
    assertThat(edited.groups()).extracting(GroupDef::name).containsExactly("VISIT", "PROCEDURE");
  }

  @Test
  void rejectsEditsThatDoNotMatch() {
    assertThatThrownBy(() -> MERGE.withOptionalChild("PATIENT", "NK1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PATIENT has no child NK1");
    assertThatThrownBy(() -> MERGE.withOptionalChild("VISIT", "PV1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ADT_A39 has no group VISIT");
    assertThatThrownBy(() -> MERGE.withRootChildrenGrouped("X", List.of("MSH", "PID"), OPTIONAL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected the children [MSH, PID] in a row");
  }

  @Test
  void groupsAreOrderedByFirstReferenceAndMustBeReferenced() {
    GroupDef inner = new GroupDef("INNER", List.of(ChildRef.segment("OBX", ONE)));
    GroupDef outer =
        new GroupDef("OUTER", List.of(ChildRef.segment("OBR", ONE), ChildRef.group("INNER", ANY)));
    GroupDef last = new GroupDef("LAST", List.of(ChildRef.segment("NTE", ONE)));
    List<ChildRef> root =
        List.of(
            ChildRef.group("OUTER", ANY),
            ChildRef.group("LAST", ANY),
            ChildRef.group("OUTER", ANY));

    assertThat(new StructureDef("ORU_R01", root, List.of(last, inner, outer, inner)).groups())
        .containsExactly(outer, inner, last);
    assertThatThrownBy(() -> new StructureDef("ORU_R01", root, List.of(inner, outer)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ORU_R01 has no group LAST");
    assertThatThrownBy(() -> new StructureDef("X", List.of(), List.of(last)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unreferenced groups");
    GroupDef otherInner = new GroupDef("INNER", List.of(ChildRef.segment("NTE", ONE)));
    assertThatThrownBy(
            () -> new StructureDef("ORU_R01", root, List.of(outer, inner, otherInner, last)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ORU_R01 defines group INNER twice");
  }
}
