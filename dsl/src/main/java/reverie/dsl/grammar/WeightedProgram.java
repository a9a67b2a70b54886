package reverie.dsl.grammar;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;

/**
 * A program of a frontier with its task's request type and its weight, normally its posterior
 * normalised within the frontier, for {@link Grammar#refit}.
 */
public record WeightedProgram(Program program, Type request, double weight) {

  public WeightedProgram {
    checkArgument(
        weight >= 0 && Double.isFinite(weight),
        "weight must be finite and non-negative: %s",
        weight);
  }

  /**
   * One frontier's programs weighted by their posteriors normalised within the frontier: {@code
   * exp(logPosteriors[i] - logsumexp(logPosteriors))}, where a log-posterior is the log-prior under
   * the current grammar plus the log-likelihood (DreamCoder rescores frontiers before a refit).
   */
  public static ImmutableList<WeightedProgram> normalised(
      Type request, List<Program> programs, double[] logPosteriors) {
    checkArgument(
        programs.size() == logPosteriors.length,
        "%s programs, %s posteriors",
        programs.size(),
        logPosteriors.length);
    double z = LogSumExp.of(logPosteriors, logPosteriors.length);
    ImmutableList.Builder<WeightedProgram> b = ImmutableList.builder();
    for (int i = 0; i < logPosteriors.length; i++) {
      double w = z == Double.NEGATIVE_INFINITY ? 0 : Math.exp(logPosteriors[i] - z);
      b.add(new WeightedProgram(programs.get(i), request, w));
    }
    return b.build();
  }
}
