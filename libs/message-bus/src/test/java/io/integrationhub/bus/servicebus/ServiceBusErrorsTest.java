package io.integrationhub.bus.servicebus;

import static io.integrationhub.bus.servicebus.MockClients.sdkError;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.amqp.exception.AmqpErrorCondition;
import com.azure.core.amqp.exception.AmqpException;
import io.integrationhub.bus.MessageBusException;
import io.integrationhub.bus.MessageTooLargeException;
import io.integrationhub.bus.SessionRequiredException;
import io.integrationhub.bus.SessionUnavailableException;
import io.integrationhub.bus.SettlementException;
import io.integrationhub.bus.UnknownDestinationException;
import io.integrationhub.bus.servicebus.ServiceBusErrors.Operation;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import reactor.core.Exceptions;

class ServiceBusErrorsTest {

  static MessageBusException translate(Throwable error, Operation operation) {
    return ServiceBusErrors.translate(error, operation, "op on queue q", true);
  }

  @Test
  void entityNotFoundIsUnknownDestination() {
    assertThat(translate(sdkError(AmqpErrorCondition.NOT_FOUND, "x"), Operation.PUBLISH))
        .isInstanceOf(UnknownDestinationException.class)
        .hasMessageContaining("op on queue q");
  }

  @Test
  void sizeExceededIsMessageTooLarge() {
    assertThat(
            translate(
                sdkError(AmqpErrorCondition.LINK_PAYLOAD_SIZE_EXCEEDED, "x"), Operation.PUBLISH))
        .isInstanceOf(MessageTooLargeException.class);
  }

  @Test
  void aBareAmqpExceptionIsReadToo() {
    assertThat(
            translate(
                new AmqpException(false, AmqpErrorCondition.NOT_FOUND, "x", null),
                Operation.OPEN_PUBLISHER))
        .isInstanceOf(UnknownDestinationException.class);
  }

  @Test
  void sessionErrorsAreSessionUnavailable() {
    assertThat(
            translate(
                sdkError(AmqpErrorCondition.SESSION_CANNOT_BE_LOCKED, "x"),
                Operation.OPEN_RECEIVER))
        .isInstanceOf(SessionUnavailableException.class)
        .hasMessageContaining("held by another receiver");
    assertThat(translate(sdkError(AmqpErrorCondition.SESSION_LOCK_LOST, "x"), Operation.RECEIVE))
        .isInstanceOf(SessionUnavailableException.class);
  }

  @Test
  void everySettlementFailureIsASettlementException() {
    assertThat(translate(sdkError(AmqpErrorCondition.MESSAGE_LOCK_LOST, "x"), Operation.SETTLE))
        .isInstanceOf(SettlementException.class)
        .hasMessageContaining("Lock lost");
    assertThat(translate(sdkError(AmqpErrorCondition.SESSION_LOCK_LOST, "x"), Operation.SETTLE))
        .isInstanceOf(SettlementException.class);
    assertThat(translate(new IllegalStateException("closed"), Operation.SETTLE))
        .isInstanceOf(SettlementException.class)
        .hasMessageContaining("Settlement failed");
  }

  @Test
  void aLostMessageLockOnRenewalIsASettlementException() {
    assertThat(translate(sdkError(AmqpErrorCondition.MESSAGE_LOCK_LOST, "x"), Operation.RENEW_LOCK))
        .isInstanceOf(SettlementException.class);
  }

  @Test
  void sessionRequirementNeedsAMissingSessionIdAndTheServiceText() {
    AmqpException refused =
        new AmqpException(
            false,
            AmqpErrorCondition.NOT_ALLOWED,
            "The SessionId was not set on a message, and it cannot be sent to the entity.",
            null);

    assertThat(translate(refused, Operation.PUBLISH)).isInstanceOf(SessionRequiredException.class);
    assertThat(ServiceBusErrors.translate(refused, Operation.PUBLISH, "op", false))
        .isExactlyInstanceOf(MessageBusException.class);
    assertThat(
            translate(
                new AmqpException(
                    true, AmqpErrorCondition.TIMEOUT_ERROR, "AMQP session closed", null),
                Operation.PUBLISH))
        .isExactlyInstanceOf(MessageBusException.class)
        .hasMessageContaining("transient");
  }

  @Test
  void wrappersAreRemovedAndPortExceptionsKept() {
    MessageBusException own = new MessageTooLargeException("mine");

    assertThat(translate(new CompletionException(own), Operation.PUBLISH)).isSameAs(own);
    assertThat(
            translate(
                new ExecutionException(sdkError(AmqpErrorCondition.NOT_FOUND, "x")),
                Operation.PUBLISH))
        .isInstanceOf(UnknownDestinationException.class);
    assertThat(translate(Exceptions.propagate(new IOException("io")), Operation.RECEIVE))
        .isExactlyInstanceOf(MessageBusException.class)
        .hasMessageContaining("IOException: io")
        .hasMessageContaining("Service Bus receive failed");
  }
}
