package io.integrationhub.mockreceiver;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Chooses the reply for a message: the first rule whose text occurs in the message
 * (case-insensitive) wins, otherwise the default action. The reference mock has one fixed rule,
 * {@code fail=AE}, which is also the default here.
 */
public final class AckRules {
  public static final String REFERENCE_RULES = "fail=AE";

  private final List<Rule> rules;
  private final ReplyAction defaultAction;

  private AckRules(List<Rule> rules, ReplyAction defaultAction) {
    this.rules = List.copyOf(rules);
    this.defaultAction = defaultAction;
  }

  /** A rule: messages containing {@code text} get {@code action}. */
  public record Rule(String text, ReplyAction action) {}

  /**
   * Parses {@code text=ACTION} pairs separated by {@code ;} or {@code ,}, e.g. {@code
   * fail=AE;reject=AR;slow-mpi=NO_ACK}. Blank means no rules.
   */
  public static AckRules parse(String spec, ReplyAction defaultAction) {
    List<Rule> rules = new ArrayList<>();
    if (spec != null) {
      for (String item : spec.split("[;,]")) {
        if (item.isBlank()) {
          continue;
        }
        int equals = item.indexOf('=');
        if (equals <= 0 || equals == item.length() - 1) {
          throw new IllegalArgumentException(
              "MOCK_ACK_RULES item '" + item.trim() + "' is not of the form text=ACTION");
        }
        String text = item.substring(0, equals).trim().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
          throw new IllegalArgumentException(
              "MOCK_ACK_RULES item '" + item.trim() + "' has an empty text");
        }
        rules.add(new Rule(text, ReplyAction.parse(item.substring(equals + 1))));
      }
    }
    return new AckRules(rules, defaultAction);
  }

  public ReplyAction decide(String message) {
    if (!rules.isEmpty()) {
      String lower = message.toLowerCase(Locale.ROOT);
      for (Rule rule : rules) {
        if (lower.contains(rule.text())) {
          return rule.action();
        }
      }
    }
    return defaultAction;
  }

  public List<Rule> rules() {
    return rules;
  }

  public ReplyAction defaultAction() {
    return defaultAction;
  }
}
