package reverie.spark;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskFailedReason;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;
import reverie.dsl.InputException;
import reverie.engine.enumerate.BalancedPlan;
import reverie.engine.enumerate.JobResult;
import reverie.engine.enumerate.JobRunner;
import reverie.engine.enumerate.JobRunnerProvider;
import reverie.engine.enumerate.SearchJob;
import reverie.engine.enumerate.SearchListener;
import reverie.engine.enumerate.SearchPlan;
import reverie.engine.enumerate.SolveListener;
import reverie.engine.enumerate.TaskOutcome;
import reverie.tasks.Domain;
import reverie.tasks.Domains;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.BoxedUnit;

/**
 * Runs search plans as Spark tasks: each plan is cut into pieces for the cluster's executor cores
 * ({@link BalancedPlan}, largest first, one Spark partition and one thread each), each piece is
 * shipped as its serialised job, and the results stream back to the driver one by one as they
 * finish, with the programs tried and CPU seconds of each task.
 *
 * <p>Faults: Spark tries a failed task again (a lost executor, an exception) and a piece's result
 * is taken once, counted from scratch by the try that produced it. A piece that fails on every try
 * is reported with its tasks' names and its tasks left unsolved; a piece whose executors keep dying
 * under it likewise, the others being submitted again.
 */
final class SparkRunner implements JobRunnerProvider.ClusterRunner {
  /** Seconds to wait for the first executor to run a task, unless the Spark configuration says. */
  static final int START_TIMEOUT = 120;

  /**
   * Executors removed before the first task ran after which the start is given up: one can die for
   * a passing reason, but three in a row that exit as they start will not do better.
   */
  static final int EXITS_BEFORE_GIVING_UP = 3;

  private final MasterUrl master;
  private final JavaSparkContext spark;
  private final Consumer<String> log;
  private final int tries;
  private final FailureCounter failures;
  private final AtomicInteger rounds = new AtomicInteger();
  // The Reverie version sent with every job: this jar's, or another to test the executors' check.
  private final String version;

  private SparkRunner(
      MasterUrl master,
      JavaSparkContext spark,
      Consumer<String> log,
      int tries,
      String version,
      FailureCounter failures) {
    this.master = master;
    this.failures = failures;
    this.spark = spark;
    this.log = log;
    this.tries = tries;
    this.version = version;
  }

  /** The same runner sending {@code version} as the driver's: for tests of the executors' check. */
  SparkRunner claimingVersion(String version) {
    return new SparkRunner(master, spark, log, tries, version, failures);
  }

  /**
   * Connects to {@code master} and checks with one small Spark job that executors run, with Java 17
   * or later and the driver's versions of Reverie and Spark.
   */
  static SparkRunner start(MasterUrl master, String appName, Consumer<String> log) {
    checkReachable(master);
    // Until the cluster has run a task, a failure is told in one line of ours, not in Spark's log.
    Level level = LogManager.getRootLogger().getLevel();
    Configurator.setRootLevel(Level.OFF);
    try (ExecutorExits exits = master.isLocal() ? null : ExecutorExits.listen()) {
      return connect(master, appName, log, Optional.ofNullable(exits));
    } finally {
      Configurator.setRootLevel(level);
    }
  }

  private static SparkRunner connect(
      MasterUrl master, String appName, Consumer<String> log, Optional<ExecutorExits> exits) {
    SparkConf conf =
        new SparkConf(true)
            .setMaster(master.url())
            .setAppName(appName)
            .setIfMissing("spark.ui.showConsoleProgress", "false");
    if (!master.isLocal() && conf.get("spark.jars", "").isEmpty()) {
      // Started by ./reverie rather than spark-submit: the executors need this jar.
      ownJar().ifPresent(jar -> conf.setJars(new String[] {jar}));
    }
    JavaSparkContext spark;
    try {
      spark = new JavaSparkContext(conf);
    } catch (RuntimeException e) {
      throw new InputException(
          "cannot start Spark with master " + master.url() + ": " + PieceTask.oneLine(root(e)));
    }
    int tries = master.isLocal() ? master.localTries() : conf.getInt("spark.task.maxFailures", 4);
    FailureCounter failures = new FailureCounter();
    spark.sc().addSparkListener(failures);
    SparkRunner runner = new SparkRunner(master, spark, log, tries, Versions.reverie(), failures);
    try {
      runner.probe(conf.getInt("spark.reverie.startTimeoutSeconds", START_TIMEOUT), exits);
    } catch (RuntimeException e) {
      spark.stop();
      throw e;
    }
    return runner;
  }

  @Override
  public String description() {
    SparkContext sc = spark.sc();
    return String.format(
        Locale.ROOT,
        "Spark %s, master %s, %d executor cores, web UI %s",
        sc.version(),
        master.url(),
        slots(),
        sc.uiWebUrl().isDefined() ? sc.uiWebUrl().get() : "off (spark.ui.enabled=false)");
  }

  /** Executor cores: the tasks Spark runs side by side. */
  int slots() {
    return Math.max(1, spark.sc().defaultParallelism());
  }

  @Override
  public void close() {
    spark.stop();
  }

  @Override
  public Outcome run(SearchPlan plan, SearchListener listener) {
    long wallStart = System.nanoTime();
    int slots = slots();
    BalancedPlan balanced = BalancedPlan.of(plan, slots);
    SearchListener pieceListener = balanced.listenerFor(listener);
    List<SearchJob> pieces = balanced.pieces().jobs();
    int n = pieces.size();
    long encodeStart = System.nanoTime();
    List<String> payloads = new ArrayList<>(n);
    Map<String, Domain> domains = new HashMap<>();
    for (SearchJob piece : pieces) {
      Domain domain =
          domains.computeIfAbsent(piece.domain(), name -> Domains.installed().byName(name));
      payloads.add(PieceTask.payload(piece.id(), piece, domain, version));
    }
    Progress progress = new Progress(balanced, wallStart, pieceListener);
    progress.encodeSeconds = (System.nanoTime() - encodeStart) / 1e9;
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "spark-progress");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Integer> left = new ArrayList<>(IntStream.range(0, n).boxed().toList());
      while (!left.isEmpty() && !listener.cancelled()) {
        left = submit(left, payloads, domains, progress, ticker, listener);
      }
    } finally {
      ticker.shutdownNow();
    }
    progress.report();
    ImmutableList.Builder<JobResult> pieceResults = ImmutableList.builder();
    ImmutableList.Builder<JobRunner.Failure> failed = ImmutableList.builder();
    double cpu = 0;
    for (int i = 0; i < n; i++) {
      JobResult r = progress.results[i];
      if (r == null) {
        r = JobResult.empty(pieces.get(i));
      }
      if (progress.failures[i] != null) {
        failed.add(
            new JobRunner.Failure(
                balanced.jobOf(i),
                pieces.get(i).tasks().stream()
                    .map(reverie.tasks.Task::name)
                    .collect(ImmutableList.toImmutableList()),
                progress.failures[i]));
      }
      cpu += r.cpuSeconds();
      pieceResults.add(r);
    }
    double wall = (System.nanoTime() - wallStart) / 1e9;
    log.accept(progress.summary(slots, wall));
    return new Outcome(balanced.merge(pieceResults.build()), cpu, wall, failed.build());
  }

  /**
   * Runs the pieces {@code left} as one Spark job, handling each result as it arrives; returns the
   * pieces to submit again (after the job was aborted because one piece kept failing: that one is
   * reported, the others go again), empty when all are done.
   */
  private List<Integer> submit(
      List<Integer> left,
      List<String> payloads,
      Map<String, Domain> domains,
      Progress progress,
      ScheduledExecutorService ticker,
      SearchListener listener) {
    String group = "reverie-" + rounds.incrementAndGet();
    List<String> batch = left.stream().map(payloads::get).toList();
    // One payload per partition: a piece is the unit Spark schedules, retries and reports.
    JavaRDD<String> rdd = spark.parallelize(batch, batch.size());
    spark.setJobGroup(group, "Reverie search jobs", true);
    SimpleFutureAction<BoxedUnit> future;
    long submitted = System.currentTimeMillis();
    try {
      future =
          spark
              .sc()
              .submitJob(
                  rdd.rdd(),
                  new Functions.RunPiece(tries),
                  CollectionConverters.asScala(
                          IntStream.range(0, batch.size()).boxed().map(i -> (Object) i).toList())
                      .toSeq(),
                  Functions.handler(
                      (partition, text) -> {
                        int piece = left.get(partition);
                        Domain domain = domains.get(progress.pieceDomain(piece));
                        progress.take(piece, PieceTask.read(text, domain));
                      }),
                  Functions.unit());
    } finally {
      spark.clearJobGroup();
    }
    var tick =
        ticker.scheduleAtFixedRate(
            () -> {
              progress.report();
              if (listener.cancelled()) {
                future.cancel();
              }
            },
            1,
            1,
            TimeUnit.SECONDS);
    try {
      future.get();
      progress.round(failures.times(group, batch.size()), submitted, System.currentTimeMillis());
      return List.of();
    } catch (Exception e) {
      return afterFailure(e, group, left, progress, listener);
    } finally {
      tick.cancel(false);
    }
  }

  private List<Integer> afterFailure(
      Exception e, String group, List<Integer> left, Progress progress, SearchListener listener) {
    String reason = PieceTask.oneLine(root(e));
    if (reason.contains(PieceTask.VERSION_MISMATCH)) {
      throw new InputException(
          reason.substring(reason.indexOf(PieceTask.VERSION_MISMATCH))
              + ": run one reverie-spark.jar on the driver and the executors");
    }
    if (spark.sc().isStopped()) {
      throw new InputException("Spark stopped while the search jobs ran: " + reason);
    }
    if (listener.cancelled()) {
      return List.of();
    }
    List<Integer> again = new ArrayList<>();
    boolean blamed = false;
    for (int partition = 0; partition < left.size(); partition++) {
      int piece = left.get(partition);
      if (progress.done(piece)) {
        continue;
      }
      Optional<String> given = failures.gaveUp(group, partition, tries);
      if (given.isPresent()) {
        progress.fail(piece, given.get());
        blamed = true;
      } else {
        again.add(piece);
      }
    }
    if (!blamed) {
      // Not a piece that failed on every try: something else is wrong, and trying again would
      // not help.
      throw new InputException("the Spark job failed: " + reason);
    }
    return again;
  }

  /** What has come back so far, and the progress and overhead figures it gives. */
  private static final class Progress {
    final BalancedPlan balanced;
    final long wallStart;
    final SearchListener listener;
    final JobResult[] results;
    final String[] failures;
    final int tasks;
    int piecesDone;
    int tasksDone;
    int solved;
    long programs;
    double encodeSeconds;
    double decodeSeconds;
    double executorSeconds;
    double searchSeconds;
    // Spark's side, from its task events: the tasks' durations, and the waits before the first task
    // started and after the last one ended.
    double taskSeconds;
    double waitSeconds;

    Progress(BalancedPlan balanced, long wallStart, SearchListener listener) {
      this.balanced = balanced;
      this.wallStart = wallStart;
      this.listener = listener;
      int n = balanced.pieces().jobs().size();
      this.results = new JobResult[n];
      this.failures = new String[n];
      this.tasks = balanced.plan().taskCount();
    }

    String pieceDomain(int piece) {
      return balanced.pieces().jobs().get(piece).domain();
    }

    synchronized boolean done(int piece) {
      return results[piece] != null;
    }

    /** Takes a piece's result; a second one for the same piece is ignored. */
    void take(int piece, PieceTask.Returned returned) {
      long start = System.nanoTime();
      JobResult result;
      synchronized (this) {
        if (results[piece] != null) {
          return;
        }
        SearchJob job = balanced.pieces().jobs().get(piece);
        result = returned.result().orElseGet(() -> JobResult.empty(job));
        returned.failure().ifPresent(f -> failures[piece] = f);
        results[piece] = result;
        piecesDone++;
        tasksDone += job.tasks().size();
        for (TaskOutcome o : result.tasks()) {
          solved += o.solved() ? 1 : 0;
        }
        programs += result.programs();
        executorSeconds += returned.seconds();
        searchSeconds += returned.searchSeconds();
        decodeSeconds += (System.nanoTime() - start) / 1e9;
      }
      listener.jobFinished(result);
      report();
    }

    /** Adds the task times of a finished Spark job submitted and done at those epoch millis. */
    synchronized void round(Optional<TaskTimes> times, long submitted, long done) {
      times.ifPresent(
          t -> {
            taskSeconds += t.seconds();
            waitSeconds += Math.max(0, t.firstLaunch() - submitted) / 1e3;
            waitSeconds += Math.max(0, done - t.lastFinish()) / 1e3;
          });
    }

    /** A piece that failed on every try without writing a result. */
    void fail(int piece, String reason) {
      take(piece, new PieceTask.Returned(piece, Optional.empty(), Optional.of(reason), 0, 0));
    }

    void report() {
      SolveListener.SolveProgress p;
      synchronized (this) {
        p =
            new SolveListener.SolveProgress(
                tasksDone,
                solved,
                tasks,
                (System.nanoTime() - wallStart) / 1e9,
                programs,
                piecesDone,
                results.length);
      }
      listener.progress(p);
    }

    /**
     * One line on where the wall time went: searching on the executor cores; Spark's overhead, that
     * is serialising (the driver's encoding and decoding and the executors', a core's share) and
     * scheduling and collecting (Spark's time in each task outside Reverie's code, a core's share,
     * and the waits for the first task and after the last); and cores idle while the last jobs
     * finish.
     */
    synchronized String summary(int slots, double wall) {
      double search = searchSeconds / slots;
      double serialise = encodeSeconds + decodeSeconds + (executorSeconds - searchSeconds) / slots;
      double scheduling =
          taskSeconds > 0 ? Math.max(0, taskSeconds - executorSeconds) / slots + waitSeconds : 0;
      double overhead = serialise + scheduling;
      double idle = Math.max(0, wall - search - overhead);
      return String.format(
          Locale.ROOT,
          "spark: %d jobs on %d cores in %.2f s: searching %.2f s a core (%.1f%%); Spark's overhead"
              + " %.2f s (%.1f%%: serialising %.3f s, scheduling and collecting %.3f s); idle cores"
              + " %.2f s (%.1f%%)",
          results.length,
          slots,
          wall,
          search,
          100 * search / wall,
          overhead,
          100 * overhead / wall,
          serialise,
          scheduling,
          idle,
          100 * idle / wall);
    }
  }

  /** The summed durations of a Spark job's tasks, its first launch and last finish (epoch ms). */
  record TaskTimes(double seconds, long firstLaunch, long lastFinish) {}

  /**
   * Counts the failed tries of each partition of Reverie's Spark jobs, and times their successful
   * tasks, by job group.
   */
  private static final class FailureCounter extends SparkListener {
    private final Map<Integer, String> groupOfStage = new ConcurrentHashMap<>();
    // Per group: finished tasks, summed duration (ms), first launch and last finish (epoch ms).
    private final Map<String, long[]> succeeded = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, Integer>> counts = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, String>> reasons = new ConcurrentHashMap<>();

    @Override
    public void onJobStart(SparkListenerJobStart start) {
      String group =
          start.properties() == null ? null : start.properties().getProperty("spark.jobGroup.id");
      if (group != null) {
        for (StageInfo s : CollectionConverters.asJava(start.stageInfos())) {
          groupOfStage.put(s.stageId(), group);
        }
      }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
      String group = groupOfStage.get(end.stageId());
      if (group != null && end.reason() instanceof org.apache.spark.Success$) {
        long launch = end.taskInfo().launchTime();
        long finish = end.taskInfo().finishTime();
        succeeded.compute(
            group,
            (g, t) -> {
              long[] u = t == null ? new long[] {0, 0, Long.MAX_VALUE, 0} : t;
              u[0]++;
              u[1] += finish - launch;
              u[2] = Math.min(u[2], launch);
              u[3] = Math.max(u[3], finish);
              return u;
            });
      }
      if (group != null
          && end.reason() instanceof TaskFailedReason failed
          && failed.countTowardsTaskFailures()) {
        int index = end.taskInfo().index();
        counts.computeIfAbsent(group, g -> new ConcurrentHashMap<>()).merge(index, 1, Integer::sum);
        reasons
            .computeIfAbsent(group, g -> new ConcurrentHashMap<>())
            .put(
                index,
                failed.toErrorString().lines().findFirst().orElse("failed")
                    + " (executor "
                    + end.taskInfo().executorId()
                    + " on "
                    + end.taskInfo().host()
                    + ")");
      }
    }

    /**
     * The times of the {@code tasks} successful tasks of a job group, once all have been heard of
     * (the listener hears of them on its own thread, shortly after the job ends).
     */
    Optional<TaskTimes> times(String group, int tasks) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
      while (System.nanoTime() < deadline) {
        long[] t = succeeded.get(group);
        if (t != null && t[0] >= tasks) {
          succeeded.remove(group);
          return Optional.of(new TaskTimes(t[1] / 1e3, t[2], t[3]));
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      return Optional.empty();
    }

    /** Why the partition failed, if it failed on all {@code tries} in the job group. */
    Optional<String> gaveUp(String group, int partition, int tries) {
      // The listener hears of task ends on its own thread, shortly after the job's failure.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (System.nanoTime() < deadline) {
        Integer c = counts.getOrDefault(group, Map.of()).get(partition);
        if (c != null && c >= tries) {
          return Optional.of(reasons.get(group).get(partition));
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      return Optional.empty();
    }
  }

  /**
   * Runs one small Spark job on every executor core and checks what the executors report; a clear
   * {@link InputException} when none runs a task in time or they run another Java, Reverie or
   * Spark.
   */
  private void probe(int timeoutSeconds, Optional<ExecutorExits> exits) {
    int n = slots();
    JavaFutureAction<List<String>> f =
        spark
            .parallelize(IntStream.range(0, n).boxed().toList(), n)
            .map(Probe::line)
            .collectAsync();
    List<String> lines;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    try {
      while (true) {
        try {
          lines = f.get(200, TimeUnit.MILLISECONDS);
          break;
        } catch (TimeoutException e) {
          checkStillStarting(f, exits, deadline, timeoutSeconds);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InputException("interrupted while waiting for Spark executors");
    } catch (ExecutionException e) {
      if (spark.sc().isStopped()) {
        String exited =
            exits
                .filter(x -> x.count() > 0)
                .map(
                    x ->
                        "; "
                            + x.count()
                            + " executors exited as they started, the last "
                            + x.last())
                .orElse("");
        throw new InputException(
            "the Spark application was stopped before any executor ran a task ("
                + PieceTask.oneLine(root(e))
                + exited
                + "): do the workers' executors start, with Java "
                + Versions.JAVA
                + " or later? (see the worker logs)");
      }
      throw new InputException(
          "the first Spark job failed on " + master.url() + ": " + PieceTask.oneLine(root(e)));
    }
    for (String line : lines) {
      Probe.check(line, spark.sc().version(), master.url());
    }
  }

  /**
   * While the probe waits: gives up, cancelling it, once executors keep exiting as they start or
   * the wait is over.
   */
  private void checkStillStarting(
      JavaFutureAction<?> f, Optional<ExecutorExits> exits, long deadline, int timeoutSeconds) {
    int exited = exits.map(ExecutorExits::count).orElse(0);
    if (exited >= EXITS_BEFORE_GIVING_UP) {
      f.cancel(true);
      throw new InputException(
          String.format(
              Locale.ROOT,
              "the executors of %s exit as they start (%d so far, the last %s): do the workers run"
                  + " Java %d or later? (an executor's stderr is in its worker's work directory)",
              master.url(),
              exited,
              exits.get().last(),
              Versions.JAVA));
    }
    if (System.nanoTime() >= deadline) {
      f.cancel(true);
      throw new InputException(
          String.format(
              Locale.ROOT,
              "no Spark executor ran a task within %d s on %s: are workers registered with free"
                  + " cores and memory, and do they run Java %d or later? (spark.reverie."
                  + "startTimeoutSeconds sets the wait)",
              timeoutSeconds,
              master.url(),
              Versions.JAVA));
    }
  }

  /** What the probe job reports from each executor, and the checks of it. */
  static final class Probe {
    private Probe() {}

    /** An executor's versions: {@code reverie \t spark \t java \t executor}. */
    static String line(Integer ignored) {
      return String.join(
          "\t",
          Versions.reverie(),
          Versions.spark(),
          Integer.toString(Versions.java()),
          PieceTask.Executors.describe());
    }

    /** Checks an executor's line against the driver's versions. */
    static void check(String line, String driverSpark, String master) {
      String[] f = line.split("\t", -1);
      if (f.length != 4) {
        throw new InputException("an executor of " + master + " answered " + line);
      }
      if (Integer.parseInt(f[2]) < Versions.JAVA) {
        throw new InputException(
            "executor " + f[3] + " runs Java " + f[2] + "; Reverie needs " + Versions.JAVA);
      }
      if (!f[0].equals(Versions.reverie())) {
        throw new InputException(
            "executor "
                + f[3]
                + " runs Reverie "
                + f[0]
                + " and the driver "
                + Versions.reverie()
                + ": run one reverie-spark.jar on the driver and the executors");
      }
      if (!f[1].equals(driverSpark)) {
        throw new InputException(
            "executor "
                + f[3]
                + " runs Spark "
                + f[1]
                + " and the driver Spark "
                + driverSpark
                + ": the driver's Spark must be the cluster's");
      }
    }
  }

  /** Fails early, with one line, when no master of a {@code spark://} URL accepts connections. */
  private static void checkReachable(MasterUrl master) {
    if (master.standalone().isEmpty()) {
      return;
    }
    String last = "";
    for (MasterUrl.HostPort hp : master.standalone()) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(hp.host(), hp.port()), 5_000);
        return;
      } catch (IOException e) {
        last = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      }
    }
    throw new InputException("cannot reach the Spark master at " + master.url() + ": " + last);
  }

  /** The jar this class was loaded from, if it was loaded from a jar. */
  private static Optional<String> ownJar() {
    try {
      Path p =
          Path.of(SparkRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return p.toString().endsWith(".jar") ? Optional.of(p.toString()) : Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  private static Throwable root(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    // Spark's own exceptions carry the useful line; a wrapped executor exception's message holds
    // the remote one.
    return t;
  }
}
