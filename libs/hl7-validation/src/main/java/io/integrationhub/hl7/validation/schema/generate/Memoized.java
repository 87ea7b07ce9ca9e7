package io.integrationhub.hl7.validation.schema.generate;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value computed on first use, exactly once even under concurrent calls (a failed computation is
 * retried by the next call).
 */
final class Memoized<T> implements Supplier<T> {

  private final Supplier<? extends T> computation;
  private volatile T value;

  Memoized(Supplier<? extends T> computation) {
    this.computation = computation;
  }

  @Override
  public T get() {
    T result = value;
    if (result == null) {
      synchronized (this) {
        result = value;
        if (result == null) {
          result = Objects.requireNonNull(computation.get(), "computed value");
          value = result;
        }
      }
    }
    return result;
  }
}
