package reverie.cli.serve;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The checkpoints read so far, least recently used dropped first: a checkpoint folder never changes
 * once it has its name (the loop renames a complete folder into place), so a checkpoint is read and
 * verified once while it stays in the cache; the bound keeps a folder of many runs within a small
 * heap.
 */
final class IterationCache {

  /** One checkpoint: a run directory, an iteration, and the manifest's modification time. */
  record Key(Path run, int iteration, long manifestModified) {}

  private final int capacity;
  private final Map<Key, IterationData> entries;

  IterationCache(int capacity) {
    this.capacity = capacity;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, IterationData> eldest) {
            return size() > IterationCache.this.capacity;
          }
        };
  }

  /** The cached checkpoint, or {@code load}'s, which is then cached. */
  IterationData get(Key key, Supplier<IterationData> load) {
    synchronized (entries) {
      IterationData d = entries.get(key);
      if (d != null) {
        return d;
      }
    }
    // Read outside the lock: two requests may read the same checkpoint once each, which is
    // harmless, while one slow read does not hold up every other run.
    IterationData d = load.get();
    synchronized (entries) {
      entries.put(key, d);
    }
    return d;
  }
}
