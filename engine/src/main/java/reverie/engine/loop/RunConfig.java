package reverie.engine.loop;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.OptionalLong;
import reverie.dsl.InputException;

/**
 * Everything that determines a run of the wake-sleep loop: where the tasks come from, the search
 * and compression budgets, the ablations and the seed. It is saved with the run and with every
 * checkpoint, so a resumed run continues with exactly the settings it started with.
 *
 * @param suite a built-in suite name, or empty when {@code file} names a task file
 * @param file a task file, or empty when {@code suite} is set
 * @param split the fraction of tasks used for training (a seeded shuffle picks them), unless {@code
 *     ownSplit}; unused when a test source is given
 * @param iterations learning iterations after iteration 0 (the base grammar)
 * @param timeoutSeconds the per-task search budget of every wake and test evaluation
 * @param batchSize training tasks woken per iteration (unsolved first); 0 for all of them
 * @param topK programs kept per task frontier
 * @param maxArity the largest number of arguments of an invention
 * @param structurePenalty the compressor's penalty per unit of invention size
 * @param pseudoCounts pseudo-counts added to every production when the grammar is refit
 * @param recognitionSteps gradient steps of recognition training per iteration
 * @param recognition whether the recognition model is trained and used (DreamCoder's ablation when
 *     false)
 * @param compression whether inventions are learned (DreamCoder's ablation when false; weights
 *     still refit)
 * @param threads worker threads of every phase
 * @param seed the seed from which every iteration's randomness is derived
 * @param maxPrograms programs checked per task in every wake and test evaluation, in place of the
 *     timeout: the same frontiers on any number of threads or machines (empty for the timeout)
 * @param ownSplit whether the suite's own split is used ({@code --split dreamcoder}: the tasks a
 *     file marks for training train, the others test) instead of a seeded split of {@code split}
 * @param testSuite a built-in suite whose tasks are the test split, all of the training source then
 *     training (as DreamCoder trains on generated text tasks and tests on SyGuS); empty for none
 * @param testFile a task file used as {@code testSuite} is; at most one of the two
 * @param priorShare the share of every task's search budget (time or programs) spent under the
 *     library's contextual prior ({@link Refit#contextualPrior}) once a recognition model predicts
 *     a grammar for it, the rest under the predicted grammar; 0 for the model's grammar alone
 */
public record RunConfig(
    Optional<String> suite,
    Optional<String> file,
    double split,
    int iterations,
    double timeoutSeconds,
    int batchSize,
    int topK,
    int maxArity,
    double structurePenalty,
    double pseudoCounts,
    int recognitionSteps,
    boolean recognition,
    boolean compression,
    int threads,
    long seed,
    OptionalLong maxPrograms,
    boolean ownSplit,
    Optional<String> testSuite,
    Optional<String> testFile,
    double priorShare) {

  /**
   * The share of a task's search budget spent under the library's contextual prior when a
   * recognition model predicts a grammar for it: half, as DreamCoder searches each iteration under
   * its generative grammar and under the model (each with the whole timeout, where Reverie splits
   * one). A task the model misreads (one unlike those it trained on) still gets the prior's order,
   * in which the tasks of a type share one enumeration, at a cost of at most ln 2 nats to a task it
   * reads well.
   */
  public static final double DEFAULT_PRIOR_SHARE = 0.5;

  /** The version of the run and checkpoint formats; a different one is refused on load. */
  public static final int FORMAT_VERSION = 1;

  public RunConfig {
    checkArgument(suite.isPresent() != file.isPresent(), "exactly one of suite and file");
    checkArgument(split > 0 && split < 1, "split must lie strictly between 0 and 1: %s", split);
    checkArgument(iterations >= 0, "negative iterations %s", iterations);
    checkArgument(timeoutSeconds > 0, "timeout must be positive: %s", timeoutSeconds);
    checkArgument(batchSize >= 0, "negative batch size %s", batchSize);
    checkArgument(topK >= 1, "top-k must be at least 1: %s", topK);
    checkArgument(maxArity >= 0, "negative max arity %s", maxArity);
    checkArgument(pseudoCounts >= 0, "negative pseudo-counts %s", pseudoCounts);
    checkArgument(recognitionSteps >= 0, "negative recognition steps %s", recognitionSteps);
    checkArgument(threads >= 1, "threads must be at least 1: %s", threads);
    checkArgument(
        maxPrograms.isEmpty() || maxPrograms.getAsLong() >= 1,
        "max programs must be at least 1: %s",
        maxPrograms);
    checkArgument(
        testSuite.isEmpty() || testFile.isEmpty(), "at most one of test suite and test file");
    checkArgument(
        priorShare >= 0 && priorShare <= 1,
        "the prior's share must lie between 0 and 1: %s",
        priorShare);
  }

  /**
   * A configuration with the timeout as the search budget whose test split comes from the training
   * source (a seeded split of {@code split}).
   */
  public RunConfig(
      Optional<String> suite,
      Optional<String> file,
      double split,
      int iterations,
      double timeoutSeconds,
      int batchSize,
      int topK,
      int maxArity,
      double structurePenalty,
      double pseudoCounts,
      int recognitionSteps,
      boolean recognition,
      boolean compression,
      int threads,
      long seed) {
    this(
        suite,
        file,
        split,
        iterations,
        timeoutSeconds,
        batchSize,
        topK,
        maxArity,
        structurePenalty,
        pseudoCounts,
        recognitionSteps,
        recognition,
        compression,
        threads,
        seed,
        OptionalLong.empty(),
        false,
        Optional.empty(),
        Optional.empty(),
        DEFAULT_PRIOR_SHARE);
  }

  /** Whether the test split is a source of its own ({@link #testSuite} or {@link #testFile}). */
  public boolean hasTestSource() {
    return testSuite.isPresent() || testFile.isPresent();
  }

  /** The same configuration with its test split taken from a suite or a file. */
  public RunConfig withTestSource(Optional<String> suite, Optional<String> file) {
    Builder b = new Builder(this);
    b.testSuite = suite;
    b.testFile = file;
    return b.build();
  }

  /**
   * The defaults of {@code reverie run}: the built-in lists suite (204 tasks, half for training),
   * three iterations with 1 CPU-second per task and 40 training tasks woken per iteration (unsolved
   * first), sized so that the whole run takes about five minutes on two cores; 5,000 recognition
   * steps per iteration, DreamCoder's figure (the default run took 219 s with them against 193 s
   * with 300, and solved 81 test tasks against 73).
   */
  public static RunConfig defaults() {
    return new RunConfig(
        Optional.of("lists"),
        Optional.empty(),
        0.5,
        3,
        1.0,
        40,
        5,
        3,
        1.0,
        1.0,
        5000,
        true,
        true,
        Math.max(1, Runtime.getRuntime().availableProcessors()),
        0);
  }

  /** A human-readable name of the task source (and of the test source, if any). */
  public String source() {
    String train = suite.map(s -> "suite " + s).orElseGet(() -> "file " + file.orElseThrow());
    return testSuite
        .map(s -> train + ", tested on suite " + s)
        .or(() -> testFile.map(f -> train + ", tested on file " + f))
        .orElse(train);
  }

  /** The same configuration with another iteration count. */
  public RunConfig withIterations(int n) {
    Builder b = new Builder(this);
    b.iterations = n;
    return b.build();
  }

  /** The same configuration with a program budget per task in place of the timeout. */
  public RunConfig withMaxPrograms(OptionalLong n) {
    Builder b = new Builder(this);
    b.maxPrograms = n;
    return b.build();
  }

  /** The same configuration with another thread count. */
  public RunConfig withThreads(int n) {
    Builder b = new Builder(this);
    b.threads = n;
    return b.build();
  }

  /** The same configuration with the suite's own split ({@code true}) or a seeded one. */
  public RunConfig withOwnSplit(boolean own) {
    Builder b = new Builder(this);
    b.ownSplit = own;
    return b.build();
  }

  /** The same configuration with another share of the search under the library's prior. */
  public RunConfig withPriorShare(double share) {
    Builder b = new Builder(this);
    b.priorShare = share;
    return b.build();
  }

  /** The JSON form, with snake_case keys and the format version. */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("format_version", FORMAT_VERSION);
    suite.ifPresent(s -> o.put("suite", s));
    file.ifPresent(f -> o.put("file", f));
    o.put("split", split);
    o.put("iterations", iterations);
    o.put("timeout_seconds", timeoutSeconds);
    o.put("batch_size", batchSize);
    o.put("top_k", topK);
    o.put("max_arity", maxArity);
    o.put("structure_penalty", structurePenalty);
    o.put("pseudo_counts", pseudoCounts);
    o.put("recognition_steps", recognitionSteps);
    o.put("recognition", recognition);
    o.put("compression", compression);
    o.put("threads", threads);
    o.put("seed", seed);
    maxPrograms.ifPresent(n -> o.put("max_programs", n));
    o.put("own_split", ownSplit);
    testSuite.ifPresent(s -> o.put("test_suite", s));
    testFile.ifPresent(f -> o.put("test_file", f));
    o.put("prior_share", priorShare);
    return o;
  }

  /** Reads the JSON form; {@code where} names the file in error messages. */
  public static RunConfig fromJson(JsonNode o, String where) {
    int version = Json.requiredInt(o, "format_version", where);
    if (version != FORMAT_VERSION) {
      throw new InputException(
          where
              + ": format version "
              + version
              + " is not supported (this Reverie reads "
              + FORMAT_VERSION
              + ")");
    }
    try {
      return new RunConfig(
          Optional.ofNullable(o.get("suite")).map(JsonNode::asText),
          Optional.ofNullable(o.get("file")).map(JsonNode::asText),
          Json.requiredDouble(o, "split", where),
          Json.requiredInt(o, "iterations", where),
          Json.requiredDouble(o, "timeout_seconds", where),
          Json.requiredInt(o, "batch_size", where),
          Json.requiredInt(o, "top_k", where),
          Json.requiredInt(o, "max_arity", where),
          Json.requiredDouble(o, "structure_penalty", where),
          Json.requiredDouble(o, "pseudo_counts", where),
          Json.requiredInt(o, "recognition_steps", where),
          Json.requiredBoolean(o, "recognition", where),
          Json.requiredBoolean(o, "compression", where),
          Json.requiredInt(o, "threads", where),
          Json.requiredLong(o, "seed", where),
          // Runs written before program budgets have none.
          o.has("max_programs")
              ? OptionalLong.of(Json.requiredLong(o, "max_programs", where))
              : OptionalLong.empty(),
          // Runs written before suites could mark their own split have no such key.
          o.has("own_split") && Json.requiredBoolean(o, "own_split", where),
          Optional.ofNullable(o.get("test_suite")).map(JsonNode::asText),
          Optional.ofNullable(o.get("test_file")).map(JsonNode::asText),
          // Runs written before the prior had a share searched under the model alone.
          o.has("prior_share") ? Json.requiredDouble(o, "prior_share", where) : 0.0);
    } catch (IllegalArgumentException e) {
      throw new InputException(where + ": " + e.getMessage());
    }
  }

  /** A copy of a configuration to change a few fields of; {@link #build} checks the result. */
  private static final class Builder {
    Optional<String> suite;
    Optional<String> file;
    double split;
    int iterations;
    double timeoutSeconds;
    int batchSize;
    int topK;
    int maxArity;
    double structurePenalty;
    double pseudoCounts;
    int recognitionSteps;
    boolean recognition;
    boolean compression;
    int threads;
    long seed;
    OptionalLong maxPrograms;
    boolean ownSplit;
    Optional<String> testSuite;
    Optional<String> testFile;
    double priorShare;

    Builder(RunConfig c) {
      suite = c.suite;
      file = c.file;
      split = c.split;
      iterations = c.iterations;
      timeoutSeconds = c.timeoutSeconds;
      batchSize = c.batchSize;
      topK = c.topK;
      maxArity = c.maxArity;
      structurePenalty = c.structurePenalty;
      pseudoCounts = c.pseudoCounts;
      recognitionSteps = c.recognitionSteps;
      recognition = c.recognition;
      compression = c.compression;
      threads = c.threads;
      seed = c.seed;
      maxPrograms = c.maxPrograms;
      ownSplit = c.ownSplit;
      testSuite = c.testSuite;
      testFile = c.testFile;
      priorShare = c.priorShare;
    }

    RunConfig build() {
      return new RunConfig(
          suite,
          file,
          split,
          iterations,
          timeoutSeconds,
          batchSize,
          topK,
          maxArity,
          structurePenalty,
          pseudoCounts,
          recognitionSteps,
          recognition,
          compression,
          threads,
          seed,
          maxPrograms,
          ownSplit,
          testSuite,
          testFile,
          priorShare);
    }
  }
}
