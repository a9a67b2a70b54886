package reverie.spark;

import java.io.Serializable;
import java.util.function.BiConsumer;
import org.apache.spark.TaskContext;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction0;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * The Scala function objects that {@code SparkContext.submitJob} takes, so that results stream back
 * to the driver one partition at a time instead of all at the end.
 */
final class Functions {
  private Functions() {}

  /**
   * Runs the one payload of a partition on an executor ({@link PieceTask#run}); on the task's last
   * try a failure is written as the result instead of thrown.
   */
  static final class RunPiece extends AbstractFunction1<Iterator<String>, String>
      implements Serializable {
    private static final long serialVersionUID = 1;
    private final int tries;

    /** {@code tries}: how often Spark tries a task (its last try writes failures). */
    RunPiece(int tries) {
      this.tries = tries;
    }

    @Override
    public String apply(Iterator<String> partition) {
      String payload = partition.next();
      TaskContext context = TaskContext.get();
      boolean lastTry = context == null || context.attemptNumber() + 1 >= tries;
      return PieceTask.run(payload, lastTry);
    }
  }

  /** A driver-side handler of each partition's result (called once per partition). */
  static AbstractFunction2<Object, String, BoxedUnit> handler(BiConsumer<Integer, String> h) {
    return new AbstractFunction2<>() {
      @Override
      public BoxedUnit apply(Object partition, String result) {
        h.accept((Integer) partition, result);
        return BoxedUnit.UNIT;
      }
    };
  }

  /** The job's overall value: nothing, the results having been handled one by one. */
  static AbstractFunction0<BoxedUnit> unit() {
    return new AbstractFunction0<>() {
      @Override
      public BoxedUnit apply() {
        return BoxedUnit.UNIT;
      }
    };
  }
}
