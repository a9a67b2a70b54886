package reverie.spark;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import reverie.cli.Main;

/**
 * The entry point of {@code reverie-spark.jar}: Reverie's command line, where {@code run} and
 * {@code solve} take the master that {@code spark-submit --master} gave when the command line names
 * none, so that
 *
 * <pre>spark-submit --master spark://HOST:7077 reverie-spark.jar run --max-programs 100000</pre>
 *
 * runs its search jobs on that cluster.
 */
public final class SparkMain {
  private SparkMain() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(Main.run(withSubmittedMaster(args, System.getProperty("spark.master")), out, err));
  }

  /** {@code args} with {@code --master MASTER} added to a run or solve that has none. */
  static String[] withSubmittedMaster(String[] args, String master) {
    if (master == null || args.length == 0 || !(args[0].equals("run") || args[0].equals("solve"))) {
      return args;
    }
    for (String a : args) {
      if (a.equals("--master") || a.startsWith("--master=")) {
        return args;
      }
    }
    List<String> out = new ArrayList<>(List.of(args));
    out.add(1, master);
    out.add(1, "--master");
    return out.toArray(new String[0]);
  }
}
