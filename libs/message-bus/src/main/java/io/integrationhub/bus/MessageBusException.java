package io.integrationhub.bus;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** A bus operation failed. Subclasses name the meaning; the message never carries patient data. */
public class MessageBusException extends Exception {

  public MessageBusException(String message) {
    super(message);
  }

  public MessageBusException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Waits for a bus future, unwrapping its failure into a {@link MessageBusException}. */
  public static <T> T await(CompletableFuture<T> future) throws MessageBusException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MessageBusException("Interrupted while waiting for the bus", e);
    } catch (CancellationException e) {
      throw new MessageBusException("Bus operation cancelled", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof MessageBusException busException) {
        throw busException;
      }
      throw new MessageBusException("Bus operation failed: " + describe(cause), cause);
    }
  }

  /** Exception class and message, for wrapping SDK errors. */
  public static String describe(Throwable error) {
    return error == null
        ? "unknown error"
        : error.getClass().getSimpleName() + ": " + error.getMessage();
  }
}
