package io.integrationhub.hl7.validation.schema.generate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A message structure (e.g. {@code ADT_A05}): the children of its root and its groups. Group
 * elements are named flat, v2.xml style, {@code <STRUCTURE>.<GROUP>} (e.g. {@code
 * ADT_A05.PROCEDURE}), so renaming the structure renames its groups' elements too.
 *
 * <p>{@link #groups()} holds each group once (a group used at two places, as HAPI's REF_I12
 * AUTHORIZATION_CONTACT, is one definition), in the order the groups are first referenced (depth
 * first), so that edited structures are rendered deterministically. The {@code with...} methods are
 * the small edits the customised flows apply to a standard structure.
 */
record StructureDef(String name, List<ChildRef> children, List<GroupDef> groups) {

  StructureDef {
    children = List.copyOf(children);
    Map<String, GroupDef> byName = new HashMap<>();
    for (GroupDef group : groups) {
      GroupDef previous = byName.put(group.name(), group);
      if (previous != null && !previous.equals(group)) {
        throw new IllegalArgumentException(name + " defines group " + group.name() + " twice");
      }
    }
    List<GroupDef> ordered = new ArrayList<>();
    collectGroups(name, children, byName, ordered);
    if (ordered.size() != byName.size()) { // every group must be referenced
      throw new IllegalArgumentException(name + " defines unreferenced groups: " + groups);
    }
    groups = List.copyOf(ordered);
  }

  private static void collectGroups(
      String structure, List<ChildRef> children, Map<String, GroupDef> byName, List<GroupDef> out) {
    for (ChildRef child : children) {
      if (!child.group()) {
        continue;
      }
      GroupDef group = byName.get(child.name());
      if (group == null) {
        throw new IllegalArgumentException(structure + " has no group " + child.name());
      }
      if (!out.contains(group)) {
        out.add(group);
        collectGroups(structure, group.children(), byName, out);
      }
    }
  }

  /** The element name of a child, e.g. {@code PID} or {@code ADT_A05.PROCEDURE}. */
  String elementName(ChildRef child) {
    return child.group() ? groupElementName(child.name()) : child.name();
  }

  /** The element name of a group, e.g. {@code ADT_A05.PROCEDURE}. */
  String groupElementName(String group) {
    return name + "." + group;
  }

  /** The names of all segments used anywhere in the structure. */
  Set<String> segmentNames() {
    Set<String> names = new LinkedHashSet<>();
    addSegmentNames(children, names);
    for (GroupDef group : groups) {
      addSegmentNames(group.children(), names);
    }
    return names;
  }

  private static void addSegmentNames(List<ChildRef> children, Set<String> names) {
    for (ChildRef child : children) {
      if (!child.group()) {
        names.add(child.name());
      }
    }
  }

  /** The children of a group, by short name. */
  List<ChildRef> groupChildren(String group) {
    return groups.stream()
        .filter(g -> g.name().equals(group))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(name + " has no group " + group))
        .children();
  }

  /** The same structure under another name; its group elements are renamed with it. */
  StructureDef renamed(String newName) {
    return new StructureDef(newName, children, groups);
  }

  /** Inserts {@code child} into {@code group} right after its first child named {@code after}. */
  StructureDef withChildAfter(String group, String after, ChildRef child) {
    return withGroupChildren(
        group,
        list -> {
          List<ChildRef> edited = new ArrayList<>(list);
          edited.add(indexOf(list, after, group) + 1, child);
          return edited;
        });
  }

  /** Makes the first child named {@code child} of {@code group} optional (minOccurs 0). */
  StructureDef withOptionalChild(String group, String child) {
    return withGroupChildren(
        group,
        list -> {
          List<ChildRef> edited = new ArrayList<>(list);
          int index = indexOf(list, child, group);
          edited.set(index, list.get(index).withOccurs(list.get(index).occurs().optional()));
          return edited;
        });
  }

  /**
   * Moves the first run of consecutive root children named {@code run} into a new group {@code
   * newGroup}, which takes the run's place in the root with {@code occurs}.
   */
  StructureDef withRootChildrenGrouped(String newGroup, List<String> run, Occurs occurs) {
    int start = indexOf(children, run.get(0), name);
    int end = start + run.size();
    List<String> found =
        children.subList(start, Math.min(end, children.size())).stream()
            .map(ChildRef::name)
            .toList();
    if (!found.equals(run)) {
      throw new IllegalArgumentException(
          name + ": expected the children " + run + " in a row, found " + found);
    }
    List<ChildRef> root = new ArrayList<>(children.subList(0, start));
    root.add(ChildRef.group(newGroup, occurs));
    root.addAll(children.subList(end, children.size()));
    List<GroupDef> newGroups = new ArrayList<>(groups);
    newGroups.add(new GroupDef(newGroup, children.subList(start, end)));
    return new StructureDef(name, root, newGroups);
  }

  private StructureDef withGroupChildren(String group, UnaryOperator<List<ChildRef>> edit) {
    List<ChildRef> edited = edit.apply(groupChildren(group));
    List<GroupDef> newGroups =
        groups.stream().map(g -> g.name().equals(group) ? new GroupDef(group, edited) : g).toList();
    return new StructureDef(name, children, newGroups);
  }

  private static int indexOf(List<ChildRef> children, String child, String owner) {
    for (int i = 0; i < children.size(); i++) {
      if (children.get(i).name().equals(child)) {
        return i;
      }
    }
    throw new IllegalArgumentException(owner + " has no child " + child);
  }
}
