package reverie.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.Test;

/** The driver's view of executors that die as they start, read from Spark's scheduler log. */
class ExecutorExitsTest {
  @Test
  void countsTheExecutorsTheSchedulerRemovesAndNothingElse() {
    Logger scheduler = LogManager.getLogger(ExecutorExits.LOGGER);
    try (ExecutorExits exits = ExecutorExits.listen()) {
      scheduler.info("Granted executor ID app-1/0 on hostPort 127.0.0.1:1 with 1 core(s)");
      assertEquals(0, exits.count());
      scheduler.info("Executor app-1/0 removed: Command exited with code 1");
      scheduler.info("Executor app-1/1 removed: Command exited with code 1");
      assertEquals(2, exits.count());
      assertEquals("app-1/1 (Command exited with code 1)", exits.last());
    }
    try (ExecutorExits later = ExecutorExits.listen()) {
      assertEquals(0, later.count(), "each wait counts its own exits");
    }
  }
}
