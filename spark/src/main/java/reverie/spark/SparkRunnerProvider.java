package reverie.spark;

import java.util.function.Consumer;
import reverie.engine.enumerate.JobRunnerProvider;

/**
 * The {@link JobRunnerProvider} service of this module: {@code --master} URLs of Apache Spark run
 * the search jobs as Spark tasks ({@link SparkRunner}).
 */
public final class SparkRunnerProvider implements JobRunnerProvider {

  @Override
  public String name() {
    return "Spark";
  }

  @Override
  public String forms() {
    return MasterUrl.FORMS;
  }

  @Override
  public boolean accepts(String master) {
    return MasterUrl.accepts(master);
  }

  @Override
  public ClusterRunner open(String master, String appName, Consumer<String> log) {
    return SparkRunner.start(MasterUrl.parse(master), appName, log);
  }
}
