package reverie.engine.loop;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request to stop the loop (SIGINT): the loop checks it between phases and abandons the iteration
 * in progress; phases may poll it to return early. Checkpoints already written stay consistent.
 */
public final class StopSignal {
  private final AtomicBoolean requested = new AtomicBoolean();

  public void request() {
    requested.set(true);
  }

  public boolean requested() {
    return requested.get();
  }
}
