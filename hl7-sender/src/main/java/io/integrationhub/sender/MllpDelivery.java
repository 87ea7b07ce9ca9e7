package io.integrationhub.sender;

import io.integrationhub.mllp.MllpClient;
import io.integrationhub.mllp.MllpConnectException;
import io.integrationhub.mllp.MllpDecodingException;
import io.integrationhub.mllp.MllpEncodingException;
import io.integrationhub.mllp.MllpException;
import io.integrationhub.mllp.MllpFrameTooLargeException;
import io.integrationhub.mllp.MllpReplyTimeoutException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one message to the receiver and reads its ACK (spec hl7-sender.md §5): one persistent
 * connection, checked before each send, opened lazily with a bounded connect timeout; the whole
 * reply frame is read, however it is split. After a timeout or a connection error the same message
 * (same MSH-10) is sent once more at once on a fresh connection. A reply that is not an ACK of the
 * message sent drops the connection, so nothing more is read from it.
 */
final class MllpDelivery implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MllpDelivery.class);

  private final MllpClient client;
  private final Duration ackTimeout;
  private final String target;

  MllpDelivery(MllpClient client, Duration ackTimeout, String target) {
    this.client = client;
    this.ackTimeout = ackTimeout;
    this.target = target;
  }

  /**
   * Delivers {@code message}.
   *
   * @param message the ER7 text
   * @param controlId its MSH-10, which the ACK's MSA-2 must repeat
   * @throws InterruptedException when interrupted (shutdown); the outcome is then unknown
   */
  DeliveryResult deliver(String message, String controlId) throws InterruptedException {
    Attempt first = attempt(message, controlId);
    if (first.result() != null) {
      return first.result();
    }
    log.warn(
        "Sending message {} to {} failed ({}); resending it once on a new connection",
        controlId,
        target,
        first.failure());
    Attempt second = attempt(message, controlId);
    if (second.result() instanceof DeliveryResult.Replied replied) {
      return new DeliveryResult.Replied(replied.verdict(), first.outcomeUnknown());
    }
    if (second.result() != null) {
      return second.result();
    }
    return new DeliveryResult.NotDelivered(
        second.failure(), first.outcomeUnknown() || second.outcomeUnknown());
  }

  /** Opens the connection now, if the receiver is there; a failure is only logged. */
  void tryConnect() {
    try {
      client.connect();
      log.info("Connected to the MLLP receiver {}", target);
    } catch (MllpException e) {
      log.warn(
          "The MLLP receiver {} is not reachable yet ({}); messages wait on the bus until it is",
          target,
          e.getMessage());
    }
  }

  @Override
  public void close() {
    client.close();
  }

  /** One send: a result, or a failure worth one immediate resend. */
  private record Attempt(DeliveryResult result, String failure, boolean outcomeUnknown) {
    static Attempt done(DeliveryResult result) {
      return new Attempt(result, null, false);
    }

    static Attempt failed(String failure, boolean outcomeUnknown) {
      return new Attempt(null, failure, outcomeUnknown);
    }
  }

  private Attempt attempt(String message, String controlId) throws InterruptedException {
    String reply;
    try {
      reply = client.send(message, ackTimeout);
    } catch (MllpReplyTimeoutException e) {
      return Attempt.failed("No ACK received within " + ackTimeout.toSeconds() + " seconds", true);
    } catch (MllpConnectException e) {
      return Attempt.failed("Cannot connect to " + target + ": " + e.getMessage(), false);
    } catch (MllpFrameTooLargeException | MllpDecodingException e) {
      return Attempt.done(
          new DeliveryResult.Replied(new AckVerdict.NotAnAck(e.getMessage()), false));
    } catch (MllpEncodingException e) {
      return Attempt.done(new DeliveryResult.Unsendable(e.getMessage()));
    } catch (MllpException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("Interrupted while sending to " + target);
      }
      return Attempt.failed("Connection error while sending message: " + e.getMessage(), true);
    }
    AckVerdict verdict = AckVerdict.of(reply, controlId);
    if (verdict instanceof AckVerdict.WrongControlId || verdict instanceof AckVerdict.NotAnAck) {
      disconnect();
    }
    return Attempt.done(new DeliveryResult.Replied(verdict, false));
  }

  private void disconnect() throws InterruptedException {
    try {
      client.disconnect();
    } catch (MllpException e) {
      throw new InterruptedException("Interrupted while dropping the connection to " + target);
    }
  }
}
