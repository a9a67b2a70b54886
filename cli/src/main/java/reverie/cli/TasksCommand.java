package reverie.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import reverie.dsl.InputException;
import reverie.tasks.Domain;
import reverie.tasks.Domains;
import reverie.tasks.Suite;
import reverie.tasks.Suites;
import reverie.tasks.Task;

/** {@code reverie tasks}: lists the tasks of a suite or task file. */
@Command(
    name = "tasks",
    header = "List the tasks of a suite or task file.",
    description = {
      "Prints one line per task: its name, its request type and its number of examples. With"
          + " --json, prints the whole suite, examples included, in Reverie's suite format"
          + " ({\"tasks\": [{\"name\", \"request\", \"examples\"}]}), which --file reads"
          + " back. Task files are checked completely: a bad one exits with 3."
    },
    mixinStandardHelpOptions = true)
final class TasksCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin TaskSource source;

  @Mixin JsonOption json;

  @Option(
      names = "--pictures",
      paramLabel = "FILE.png",
      description =
          "Also write a montage of the tasks' targets (each task's first expected output) with"
              + " their names, for a domain whose values have pictures (logo, towers).")
  Path pictures;

  static final int PICTURE_SIZE = 96;
  static final int PICTURE_COLUMNS = 12;

  @Override
  public Integer call() throws JsonProcessingException {
    Suite suite = source.load();
    PrintWriter out = spec.commandLine().getOut();
    if (pictures != null) {
      writePictures(suite);
    }
    if (json.json) {
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      out.println(mapper.writeValueAsString(Suites.toJson(suite)));
    } else {
      int nameWidth = 0;
      int requestWidth = 0;
      for (Task t : suite.tasks()) {
        nameWidth = Math.max(nameWidth, t.name().length());
        requestWidth = Math.max(requestWidth, t.request().toString().length());
      }
      for (Task t : suite.tasks()) {
        out.printf(
            "%-" + nameWidth + "s  %-" + requestWidth + "s  %d examples%n",
            t.name(),
            t.request(),
            t.examples().size());
      }
      spec.commandLine()
          .getErr()
          .printf(
              "%d tasks in suite '%s' (domain %s)%n", suite.size(), suite.name(), suite.domain());
    }
    out.flush();
    return ExitCode.OK;
  }

  private void writePictures(Suite suite) {
    Domain domain = Domains.installed().of(suite);
    List<Montage.Cell> cells = new ArrayList<>();
    for (Task t : suite.tasks()) {
      BufferedImage picture =
          domain
              .picture(t.examples().get(0).output(), t.outputType(), PICTURE_SIZE)
              .orElseThrow(
                  () ->
                      new InputException(
                          "domain "
                              + domain.name()
                              + " has no pictures of values of type "
                              + t.outputType()
                              + " (task '"
                              + t.name()
                              + "')"));
      cells.add(new Montage.Cell(picture, t.name()));
    }
    Montage.writePng(
        Montage.grid(
            suite.name() + ": " + suite.size() + " tasks", cells, PICTURE_COLUMNS, PICTURE_SIZE, 3),
        pictures);
    spec.commandLine().getErr().printf("%s: the targets of %d tasks%n", pictures, suite.size());
  }
}
