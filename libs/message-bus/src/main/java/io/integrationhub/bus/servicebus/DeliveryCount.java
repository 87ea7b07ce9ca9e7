package io.integrationhub.bus.servicebus;

/**
 * The one place where the SDK's delivery count becomes the port's: {@code deliveryCount()} is 1 on
 * the first delivery, 2 after one abandon or lock expiry, and so on.
 *
 * <p>Evidence (azure-messaging-servicebus 7.17.12, read from the jar with {@code javap -c}): {@code
 * ServiceBusReceivedMessage.getDeliveryCount()} returns {@code
 * amqpAnnotatedMessage.getHeader().getDeliveryCount().longValue()} unchanged, and the only writer
 * of that header field on receive is {@code ServiceBusMessageSerializer.deserializeMessage}, which
 * copies proton-j's {@code Message.getDeliveryCount()} (the AMQP header's {@code delivery-count}, 0
 * when the header or field is absent) with no arithmetic; the package-private {@code
 * ServiceBusReceivedMessage.setDeliveryCount} has no caller in the jar. The AMQP 1.0 header's
 * {@code delivery-count} is "the number of prior unsuccessful delivery attempts", i.e. 0 on a first
 * delivery — the value the Python SDK exposes raw (the reference's "first delivery" test is {@code
 * count <= 0}) and the .NET SDK turns into 1 by adding 1. So the Java SDK gives 0 on a first
 * delivery and this adapter adds 1. The emulator contract test pins it (receive: 1; abandon;
 * receive again: 2).
 */
final class DeliveryCount {

  private DeliveryCount() {}

  /** The port's 1-based count for the SDK's (AMQP header, 0-based) value. */
  static int fromSdk(long sdkDeliveryCount) {
    if (sdkDeliveryCount < 0) {
      return 1;
    }
    return sdkDeliveryCount >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) sdkDeliveryCount + 1;
  }
}
