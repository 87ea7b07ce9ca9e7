package io.integrationhub.hl7.validation.schema.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MemoizedTest {

  @Test
  void computesOnceUnderConcurrentCalls() throws Exception {
    AtomicInteger computations = new AtomicInteger();
    Memoized<String> memoized =
        new Memoized<>(
            () -> {
              computations.incrementAndGet();
              sleep();
              return "value";
            });
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService executor = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(
            executor.submit(
                () -> {
                  start.await();
                  return memoized.get();
                }));
      }
      start.countDown();
      for (Future<String> result : results) {
        assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("value");
      }
    } finally {
      executor.shutdownNow();
    }
    assertThat(computations).hasValue(1);
  }

  @Test
  void retriesAfterAFailure() {
    AtomicInteger calls = new AtomicInteger();
    Memoized<String> memoized =
        new Memoized<>(
            () -> {
              if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("first call fails");
              }
              return "second";
            });

    assertThatThrownBy(memoized::get).hasMessage("first call fails");
    assertThat(memoized.get()).isEqualTo("second");
    assertThat(memoized.get()).isEqualTo("second");
    assertThat(calls).hasValue(2);
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
