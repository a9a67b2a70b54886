package reverie.cli;

import com.google.common.collect.ImmutableMap;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import reverie.engine.enumerate.SolveConfig;
import reverie.engine.loop.RunConfig;
import reverie.engine.recognition.TrainingConfig;

/**
 * The default values of options, taken from the configuration records the engine uses ({@link
 * RunConfig#defaults()}, {@link SolveConfig#defaults()}, {@link TrainingConfig#defaults()}): the
 * help text shows them ({@code ${DEFAULT-VALUE}}) and the commands receive them, so the two cannot
 * disagree. Keyed by the command's name within {@code reverie} and the option's longest name.
 */
final class ConfigDefaults implements CommandLine.IDefaultValueProvider {
  private static final ImmutableMap<String, Supplier<Object>> DEFAULTS =
      ImmutableMap.<String, Supplier<Object>>builder()
          .put("run --split", () -> RunConfig.defaults().split())
          .put("run --iterations", () -> RunConfig.defaults().iterations())
          .put("run --timeout", () -> RunConfig.defaults().timeoutSeconds())
          .put("run --batch-size", () -> RunConfig.defaults().batchSize())
          .put("run --top-k", () -> RunConfig.defaults().topK())
          .put("run --max-arity", () -> RunConfig.defaults().maxArity())
          .put("run --structure-penalty", () -> RunConfig.defaults().structurePenalty())
          .put("run --pseudo-counts", () -> RunConfig.defaults().pseudoCounts())
          .put("run --recognition-steps", () -> RunConfig.defaults().recognitionSteps())
          .put("run --prior-share", () -> RunConfig.defaults().priorShare())
          .put("run --threads", () -> RunConfig.defaults().threads())
          .put("run --seed", () -> RunConfig.defaults().seed())
          .put("solve --timeout", () -> SolveConfig.defaults().timeoutSeconds())
          .put("solve --threads", () -> SolveConfig.defaults().threads())
          .put("solve --top-k", () -> SolveConfig.defaults().topK())
          .put("solve --seed", () -> RunConfig.defaults().seed())
          .put("dream --seed", () -> TrainingConfig.defaults().seed())
          .put("sample --seed", () -> TrainingConfig.defaults().seed())
          .put("bench enumerate --threads", () -> 1)
          .put("bench recognition --threads", () -> TrainingConfig.defaults().threads())
          .put("bench recognition --seed", () -> TrainingConfig.defaults().seed())
          .put("bench recognition --steps", () -> TrainingConfig.defaults().steps())
          .put("bench recognition --batch", () -> TrainingConfig.defaults().batchSize())
          .put("bench recognition --fantasies", () -> TrainingConfig.defaults().fantasies())
          .put(
              "bench recognition --helmholtz-ratio",
              () -> TrainingConfig.defaults().helmholtzRatio())
          .put("compress --threads", () -> SolveConfig.defaults().threads())
          .buildOrThrow();

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option) || arg.command() == null) {
      return null;
    }
    Supplier<Object> value = DEFAULTS.get(key(arg.command(), option.longestName()));
    return value == null ? null : String.valueOf(value.get());
  }

  /** {@code "bench enumerate --threads"}: the command's path below the root, and the option. */
  static String key(CommandLine.Model.CommandSpec command, String option) {
    String qualified = command.qualifiedName(" ");
    int space = qualified.indexOf(' ');
    return (space < 0 ? qualified : qualified.substring(space + 1)) + " " + option;
  }

  /** The keys, for the test that every one names a real option. */
  static Iterable<String> keys() {
    return DEFAULTS.keySet();
  }
}
