package io.integrationhub.mockreceiver;

import static org.assertj.core.api.Assertions.assertThat;

import io.integrationhub.hl7.ack.AckBuilder;
import io.integrationhub.hl7.ack.ProcessingIdPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReplyPlannerTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-21T04:39:40Z"), ZoneOffset.UTC);
  private static final AckBuilder ACKS = new AckBuilder(CLOCK, ProcessingIdPolicy.FIXED_P);
  private static final String RULES =
      "no-ack=NO_ACK;drop=CLOSE;bad-id=WRONG_MSA2;junk=GARBAGE;fail=AE";

  private final ReplyPlanner planner =
      new ReplyPlanner(AckRules.parse(RULES, ReplyAction.AA), ACKS);

  @Test
  void acknowledgesWithTheReferenceMockAck() {
    PlannedReply reply = planner.plan(TestMessages.adtA31("CTRL1"));

    assertThat(reply.action()).isEqualTo(ReplyAction.AA);
    assertThat(reply.replyText())
        .contains(
            "MSH|^~\\&|MPI^HUB|NHS_W|PIMS^SYS|HOSP_A|20261121043940||ACK^A31^ACK|CTRL1|P|2.5\r"
                + "MSA|AA|CTRL1\r");
  }

  @Test
  void naksWhenARuleMatches() {
    PlannedReply reply = planner.plan(TestMessages.adtA31("CTRL2", "FAIL"));
    assertThat(reply.action()).isEqualTo(ReplyAction.AE);
    assertThat(reply.replyText().orElseThrow()).endsWith("\rMSA|AE|CTRL2\r");
  }

  @Test
  void wrongMsa2KeepsMsh10ButChangesTheAcknowledgedId() {
    String ack = planner.plan(TestMessages.adtA31("CTRL3", "bad-id")).replyText().orElseThrow();
    assertThat(AckFields.of(ack).msh(10)).isEqualTo("CTRL3");
    assertThat(AckFields.of(ack).msa(2)).isEqualTo("CTRL3" + ReplyPlanner.WRONG_CONTROL_ID_SUFFIX);
  }

  @Test
  void silentActionsHaveNoReplyText() {
    assertThat(planner.plan(TestMessages.adtA31("C4", "no-ack")).replyText()).isEmpty();
    assertThat(planner.plan(TestMessages.adtA31("C5", "drop")).replyText()).isEmpty();
  }

  @Test
  void garbageIsNotHl7() {
    assertThat(planner.plan(TestMessages.adtA31("C6", "junk")).replyText())
        .contains(ReplyPlanner.GARBAGE_REPLY);
  }

  @Test
  void textThatIsNotHl7GetsTheFallbackNackWithoutAHeader() {
    PlannedReply reply = planner.plan("hello fail");
    assertThat(reply.header()).isEmpty();
    assertThat(reply.replyText()).contains(AckBuilder.fallbackNack());
  }

  @Test
  void summaryListsSegmentIdsButNoFieldValues() {
    String message = TestMessages.adtA31("C7", "SECRETNAME");
    String summary = MessageSummary.of(message, planner.plan(message), message.length());
    assertThat(summary)
        .contains("type=ADT^A31^ADT_A05", "controlId=C7", "segments=[MSH,EVN,PID,PV1]", "reply=AA")
        .doesNotContain("SECRETNAME", "9990001112", "19800101");
  }
}
