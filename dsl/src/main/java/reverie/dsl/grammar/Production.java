package reverie.dsl.grammar;

import static com.google.common.base.Preconditions.checkArgument;

import reverie.dsl.program.Invented;
import reverie.dsl.program.Primitive;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;

/** One choice of a grammar: a primitive or an invention, its type scheme, and its log-weight. */
public record Production(Program program, Type type, double logWeight) {

  public Production {
    checkArgument(
        program instanceof Primitive || program instanceof Invented,
        "a production is a primitive or an invention, not %s",
        program);
    checkArgument(!Double.isNaN(logWeight), "NaN log-weight for %s", program);
  }

  /** The production of {@code program} with its own type. */
  public static Production of(Program program, double logWeight) {
    Type type = program instanceof Primitive p ? p.type() : ((Invented) program).type();
    return new Production(program, type, logWeight);
  }

  /** The same production with another log-weight. */
  public Production withLogWeight(double w) {
    return new Production(program, type, w);
  }
}
