package io.integrationhub.bus.artemis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integrationhub.bus.Source;
import io.integrationhub.bus.topology.EntitySettings;
import io.integrationhub.bus.topology.SubscriptionSpec;
import io.integrationhub.bus.topology.TopicSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArtemisOptionsTest {

  @Test
  void defaultsAreAnEmbeddedPersistentBrokerInDataArtemis() {
    ArtemisOptions options = ArtemisOptions.defaults();
    assertThat(options.embedded()).isTrue();
    assertThat(options.brokerUrl()).isEmpty();
    assertThat(options.dataDirectory()).isEqualTo(Path.of("data", "artemis"));
    assertThat(options.acceptorPort()).isEmpty();
    assertThat(options.topology()).isEmpty();
    assertThat(options.journalBufferTimeout()).isEqualTo(Duration.ofNanos(100_000));
    assertThat(options.maxMessageBytes()).isEqualTo(104_857_600);
    assertThat(options.persistent()).isTrue();
  }

  @Test
  void aBlankBrokerUrlMeansEmbedded() {
    assertThat(ArtemisOptions.builder().brokerUrl(" ").build().embedded()).isTrue();
    assertThat(ArtemisOptions.builder().brokerUrl("tcp://h:61616").build().embedded()).isFalse();
  }

  @Test
  void badValuesAreRefused() {
    assertThatThrownBy(() -> ArtemisOptions.builder().acceptorPort(70_000).build())
        .hasMessageContaining("acceptorPort");
    assertThatThrownBy(() -> ArtemisOptions.builder().maxMessageBytes(0).build())
        .hasMessageContaining("maxMessageBytes");
    assertThatThrownBy(
            () -> ArtemisOptions.builder().journalBufferTimeout(Duration.ofSeconds(2)).build())
        .hasMessageContaining("journalBufferTimeout");
  }

  @Test
  void namesFollowTheDocumentedMapping() {
    assertThat(ArtemisNames.queueName(Source.queue("q"))).isEqualTo("q");
    assertThat(ArtemisNames.queueName(Source.subscription("t", "s"))).isEqualTo("t.s");
    assertThat(ArtemisNames.deadLetterQueue(Source.subscription("t", "s"))).isEqualTo("DLQ.t.s");
    assertThat(ArtemisNames.deadLetterAddress("t")).isEqualTo("DLQ.t");
    assertThat(ArtemisNames.sessionFilter("o'brien")).isEqualTo("_AMQ_GROUP_ID = 'o''brien'");
    assertThat(ArtemisNames.sessionLockQueue(Source.queue("q"), "a"))
        .startsWith("inthub.session-lock.")
        .isNotEqualTo(ArtemisNames.sessionLockQueue(Source.queue("q"), "b"));
  }

  @Test
  void subscriptionsOfOneTopicShareTheSafestSettings() {
    EntitySettings few =
        new EntitySettings(true, Duration.ofMinutes(1), 3, Duration.ofMinutes(5), false);
    EntitySettings many =
        new EntitySettings(true, Duration.ofMinutes(1), 10, Duration.ofHours(1), true);
    EntitySettings merged =
        TopologyInstaller.topicSettings(
            new TopicSpec(
                "t", List.of(new SubscriptionSpec("a", few), new SubscriptionSpec("b", many))));
    assertThat(merged.maxDeliveryCount()).isEqualTo(10);
    assertThat(merged.defaultTimeToLive()).isEqualTo(Duration.ofHours(1));
    assertThat(merged.deadLetterOnExpiration()).isTrue();
    assertThat(TopologyInstaller.topicSettings(new TopicSpec("t", List.of())).maxDeliveryCount())
        .isEqualTo(10);
  }
}
