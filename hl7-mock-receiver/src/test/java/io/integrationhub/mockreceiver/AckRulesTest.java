package io.integrationhub.mockreceiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AckRulesTest {

  @Test
  void referenceRuleNaksAnyMessageContainingFailInAnyCase() {
    AckRules rules = AckRules.parse(AckRules.REFERENCE_RULES, ReplyAction.AA);
    assertThat(rules.decide("PID|1||||Doe^FAIL")).isEqualTo(ReplyAction.AE);
    assertThat(rules.decide("MSH|^~\\&|failover")).isEqualTo(ReplyAction.AE);
    assertThat(rules.decide("PID|1||||Doe^John")).isEqualTo(ReplyAction.AA);
  }

  @Test
  void firstMatchingRuleWins() {
    AckRules rules = AckRules.parse("reject=AR; slow = NO_ACK ,reject-slow=CE", ReplyAction.CA);
    assertThat(rules.decide("x reject-slow x")).isEqualTo(ReplyAction.AR);
    assertThat(rules.decide("x SLOW x")).isEqualTo(ReplyAction.NO_ACK);
    assertThat(rules.decide("nothing")).isEqualTo(ReplyAction.CA);
  }

  @Test
  void blankSpecificationMeansNoRules() {
    AckRules rules = AckRules.parse(" ", ReplyAction.AA);
    assertThat(rules.rules()).isEmpty();
    assertThat(rules.decide("fail")).isEqualTo(ReplyAction.AA);
  }

  @Test
  void malformedItemsAreRejectedWithTheItemNamed() {
    assertThatThrownBy(() -> AckRules.parse("fail", ReplyAction.AA))
        .hasMessageContaining("'fail' is not of the form text=ACTION");
    assertThatThrownBy(() -> AckRules.parse("fail=XX", ReplyAction.AA))
        .hasMessageContaining("Unknown reply action 'XX'");
    assertThatThrownBy(() -> AckRules.parse(" =AE", ReplyAction.AA))
        .hasMessageContaining("has an empty text");
  }
}
