package io.integrationhub.sender;

import java.util.LinkedHashMap;
import java.util.Map;

/** A bounded set of message keys; the oldest key is forgotten first. Thread-safe. */
final class RecentKeys {

  private final Map<String, Boolean> keys;

  RecentKeys(int capacity) {
    this.keys =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  /** Adds {@code key}; true if it was not there. */
  synchronized boolean add(String key) {
    return keys.put(key, Boolean.TRUE) == null;
  }

  synchronized boolean contains(String key) {
    return keys.containsKey(key);
  }

  synchronized void remove(String key) {
    keys.remove(key);
  }
}
