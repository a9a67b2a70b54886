package reverie.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import reverie.dsl.program.Program;
import reverie.dsl.program.TypeInference;
import reverie.dsl.type.Type;

/** {@code reverie draw}: one program's output as a picture. */
@Command(
    name = "draw",
    header = "Draw what a program makes, as a PNG picture.",
    description = {
      "Parses PROGRAM with the primitives of the domain, runs it on the domain's standard input"
          + " for its type (for logo, a turtle -> turtle program runs from the start state; for"
          + " towers, a tower -> tower program from the empty tower) within the standard budget,"
          + " and writes a picture of the output: for logo, the drawing centred on its 9 x 9"
          + " canvas, strokes coloured from blue (first) to pink (last) as in DreamCoder's"
          + " figures; for towers, the blocks at rest on the ground, coloured from blue (placed"
          + " first) to pink (last).",
      "A program of a type the domain does not run, a failed run, or an output that is no valid"
          + " target (a drawing off the canvas, a tower with no blocks) is refused with one line"
          + " and exit code 3."
    },
    mixinStandardHelpOptions = true)
final class DrawCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ProgramArgument program;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE.png",
      description = "Where to write the picture (PNG).")
  Path out;

  @Option(
      names = "--size",
      defaultValue = "256",
      paramLabel = "PIXELS",
      description = "The picture's side in pixels (default: ${DEFAULT-VALUE}).")
  int size;

  @Override
  public Integer call() {
    if (size < 8 || size > 4096) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--size must be between 8 and 4096 pixels, got " + size);
    }
    if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--out must name a .png file, got " + out);
    }
    Program p = program.parse();
    Type type = TypeInference.infer(p);
    Montage.writePng(new ProgramPictures(program.domain()).picture(p, type, size), out);
    spec.commandLine()
        .getOut()
        .printf(Locale.ROOT, "%s: %dx%d picture of %s%n", out, size, size, type);
    return ExitCode.OK;
  }
}
