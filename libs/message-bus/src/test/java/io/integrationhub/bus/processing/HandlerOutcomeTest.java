package io.integrationhub.bus.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HandlerOutcomeTest {

  @Test
  void factoriesBuildTheThreeOutcomes() {
    assertThat(HandlerOutcome.completed()).isSameAs(HandlerOutcome.Completed.INSTANCE);
    assertThat(HandlerOutcome.retry("mpi-down")).isEqualTo(new HandlerOutcome.Retry("mpi-down"));
    assertThat(HandlerOutcome.deadLetter("ack-rejected", "MSA-1 was AR"))
        .isEqualTo(new HandlerOutcome.DeadLetter("ack-rejected", "MSA-1 was AR"));
  }

  @Test
  void blankRetryReasonBecomesUnspecifiedAndDeadLetterNeedsAReason() {
    assertThat(((HandlerOutcome.Retry) HandlerOutcome.retry(" ")).reason())
        .isEqualTo("unspecified");
    assertThat(((HandlerOutcome.DeadLetter) HandlerOutcome.deadLetter("r", null)).description())
        .isEmpty();
    assertThatThrownBy(() -> HandlerOutcome.deadLetter(" ", "d"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void permanentExceptionCarriesReasonAndDescription() {
    PermanentMessageException e =
        new PermanentMessageException(
            "malformed-hl7", "no MSH segment", new IllegalStateException());
    assertThat(e.reason()).isEqualTo("malformed-hl7");
    assertThat(e.description()).isEqualTo("no MSH segment");
    assertThat(e).hasMessage("malformed-hl7: no MSH segment");
    assertThat(new PermanentMessageException("r", null).description()).isEmpty();
  }

  @Test
  void optionsDefaultsAndValidation() {
    ProcessorOptions defaults = ProcessorOptions.defaults();
    assertThat(defaults.batchSize()).isEqualTo(1);
    assertThat(defaults.initialRetryDelay()).isEqualTo(Duration.ofSeconds(5));
    assertThat(defaults.maxRetryDelay()).isEqualTo(Duration.ofSeconds(900));
    assertThat(defaults.sessionUnavailableWait()).isEqualTo(Duration.ofSeconds(60));
    assertThat(defaults.lockRenewalInterval()).isEmpty();
    assertThat(defaults.toBuilder().batchSize(7).build())
        .isEqualTo(
            new ProcessorOptions(
                7,
                defaults.receiveWait(),
                defaults.initialRetryDelay(),
                defaults.maxRetryDelay(),
                defaults.sessionUnavailableWait(),
                defaults.lockRenewalInterval(),
                defaults.stopTimeout(),
                defaults.shutdownGrace(),
                false,
                Duration.ZERO));
    assertThat(defaults.maxCompletionDelay()).isEqualTo(Duration.ZERO);
    ProcessorOptions grouped =
        ProcessorOptions.builder().maxCompletionDelay(Duration.ofMillis(50)).build();
    assertThat(grouped.maxCompletionDelay()).isEqualTo(Duration.ofMillis(50));
    assertThat(grouped.toBuilder().build()).isEqualTo(grouped);
    assertThatThrownBy(() -> ProcessorOptions.builder().batchSize(0).build())
        .hasMessageContaining("batchSize");
    assertThatThrownBy(() -> ProcessorOptions.builder().receiveWait(Duration.ZERO).build())
        .hasMessageContaining("receiveWait");
    assertThatThrownBy(
            () ->
                ProcessorOptions.builder()
                    .initialRetryDelay(Duration.ofSeconds(10))
                    .maxRetryDelay(Duration.ofSeconds(1))
                    .build())
        .hasMessageContaining("maxRetryDelay");
    assertThatThrownBy(
            () -> ProcessorOptions.builder().lockRenewalInterval(Duration.ofSeconds(-1)).build())
        .hasMessageContaining("lockRenewalInterval");
    assertThatThrownBy(() -> ProcessorOptions.builder().stopTimeout(Duration.ofSeconds(-1)).build())
        .hasMessageContaining("stopTimeout");
    assertThatThrownBy(
            () -> ProcessorOptions.builder().maxCompletionDelay(Duration.ofMillis(-1)).build())
        .hasMessageContaining("maxCompletionDelay");
    assertThatThrownBy(() -> ProcessorOptions.builder().maxCompletionDelay(null).build())
        .isInstanceOf(NullPointerException.class);
  }
}
