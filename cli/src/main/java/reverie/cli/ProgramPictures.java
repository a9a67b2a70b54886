package reverie.cli;

import com.google.common.collect.ImmutableList;
import java.awt.image.BufferedImage;
import java.util.Optional;
import reverie.dsl.InputException;
import reverie.dsl.eval.EvaluationException;
import reverie.dsl.program.Program;
import reverie.dsl.type.Type;
import reverie.tasks.Domain;
import reverie.tasks.Scorer;

/**
 * Pictures of what programs make: a program of a request type runs on the domain's default inputs
 * ({@link Domain#defaultInputs}, such as LOGO's start turtle) within the standard evaluation
 * budget, and its output, when it is a valid task target ({@link Domain#asTarget}: a drawing on the
 * canvas), is drawn by {@link Domain#picture}. Shared by {@code draw}, library figures and dream
 * sheets.
 */
final class ProgramPictures {
  private final Domain domain;
  private final Scorer scorer;

  ProgramPictures(Domain domain) {
    this.domain = domain;
    this.scorer = Scorer.of(domain);
  }

  Domain domain() {
    return domain;
  }

  /** Whether programs of type {@code request} can be run without a task's inputs. */
  boolean runs(Type request) {
    return domain.defaultInputs(request).isPresent();
  }

  /**
   * The picture of what {@code program}, of type {@code request}, makes; an {@link InputException}
   * saying why there is none (no default input for the type, a failed run, an output that is no
   * target, a value the domain cannot draw).
   */
  BufferedImage picture(Program program, Type request, int size) {
    ImmutableList<Object> inputs =
        domain
            .defaultInputs(request)
            .orElseThrow(
                () ->
                    new InputException(
                        "domain "
                            + domain.name()
                            + " has no standard input for a program of type "
                            + request
                            + ", so it cannot run it to draw"));
    Object output;
    try {
      output = scorer.compile(program).run(inputs, scorer.meter());
    } catch (EvaluationException e) {
      throw new InputException("evaluation failed: " + e.getMessage());
    }
    Type type = request.finalResult();
    if (domain.asTarget(output, type).isEmpty()) {
      throw new InputException("the program makes no valid target: " + domain.show(output, type));
    }
    return domain
        .picture(output, type, size)
        .orElseThrow(
            () ->
                new InputException(
                    "domain " + domain.name() + " has no pictures of values of type " + type));
  }

  /** The picture, or empty when {@link #picture} would refuse. */
  Optional<BufferedImage> tryPicture(Program program, Type request, int size) {
    try {
      return Optional.of(picture(program, request, size));
    } catch (InputException e) {
      return Optional.empty();
    }
  }
}
