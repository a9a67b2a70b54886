package reverie.engine.enumerate;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * A service that runs search plans on a cluster named by a master URL ({@code local[2]}, {@code
 * spark://host:7077}, {@code yarn}, ...), found with {@link ServiceLoader}: a module on the class
 * path provides it (Reverie's Spark module does), so that the engine and the command line never
 * name a cluster's classes, and a build without that module needs none of them.
 */
public interface JobRunnerProvider {

  /** A short name for messages, such as {@code spark}. */
  String name();

  /** The master URLs this provider takes, for messages: {@code local[N], spark://HOST:PORT}. */
  String forms();

  /** Whether {@code master} is of a form this provider takes (it may still be malformed). */
  boolean accepts(String master);

  /**
   * Connects to the cluster at {@code master} and checks that it can run Reverie's jobs, writing
   * one-line notes (where the cluster's web UI is) to {@code log}. Throws an {@link
   * IllegalArgumentException} for a malformed URL, and an {@link reverie.dsl.InputException} with
   * one line when the cluster cannot be reached or cannot run the jobs (wrong Java, another version
   * of Reverie or of the cluster's software).
   */
  ClusterRunner open(String master, String appName, Consumer<String> log);

  /** The providers on the class path. */
  static List<JobRunnerProvider> installed() {
    return ServiceLoader.load(JobRunnerProvider.class).stream()
        .map(ServiceLoader.Provider::get)
        .toList();
  }

  /** The installed provider that takes {@code master}, if any. */
  static Optional<JobRunnerProvider> forMaster(String master) {
    return installed().stream().filter(p -> p.accepts(master)).findFirst();
  }

  /** A {@link JobRunner} on a cluster, holding its connection until closed. */
  interface ClusterRunner extends JobRunner, AutoCloseable {
    /** One line about where jobs run: the cluster, its cores, its web UI. */
    String description();

    /** Disconnects from the cluster. */
    @Override
    void close();
  }
}
