package io.integrationhub.bus.servicebus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryCountTest {

  @Test
  void firstDeliveryHasSdkCountZeroAndPortCountOne() {
    assertThat(DeliveryCount.fromSdk(0)).isEqualTo(1);
  }

  @Test
  void eachRedeliveryAddsOne() {
    assertThat(DeliveryCount.fromSdk(1)).isEqualTo(2);
    assertThat(DeliveryCount.fromSdk(9)).isEqualTo(10);
  }

  @Test
  void outOfRangeValuesAreClamped() {
    assertThat(DeliveryCount.fromSdk(-1)).isEqualTo(1);
    assertThat(DeliveryCount.fromSdk(Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
    assertThat(DeliveryCount.fromSdk(Long.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
    assertThat(DeliveryCount.fromSdk(Integer.MAX_VALUE - 1L)).isEqualTo(Integer.MAX_VALUE);
  }
}
