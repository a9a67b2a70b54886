package reverie.dsl.grammar;

import static com.google.common.base.Preconditions.checkArgument;

import reverie.dsl.program.Program;
import reverie.dsl.type.Type;

/**
 * A program of a frontier with its task's request type and its weight, normally its posterior normalised
 * within the frontier, for {@link Grammar#refit}.
 */
public record WeightedProgram(Program program, Type request, double weight) {

  public WeightedProgram {
    checkArgument(weight >= 0 && Double.isFinite(weight), "weight must be finite and non-negative: %s", weight);
  }
}
