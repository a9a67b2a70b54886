package reverie.cli;

import com.google.common.collect.ImmutableList;
import com.google.common.html.HtmlEscapers;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;
import reverie.dsl.InputException;
import reverie.dsl.eval.EvaluationException;
import reverie.dsl.grammar.Grammar;
import reverie.dsl.grammar.Production;
import reverie.dsl.program.Abstraction;
import reverie.dsl.program.Application;
import reverie.dsl.program.Index;
import reverie.dsl.program.Invented;
import reverie.dsl.program.Program;
import reverie.dsl.program.TypeInference;
import reverie.dsl.type.Type;
import reverie.engine.loop.LibraryReport;
import reverie.engine.loop.LibraryView;
import reverie.tasks.Domain;
import reverie.tasks.Scorer;

/**
 * DreamCoder's library figure: each learned invention that makes a picture, applied to a row of
 * example arguments, with an index page of every invention's body and type.
 *
 * <p>An invention makes a picture when one of its argument types {@code A}, with its result type
 * {@code R}, gives a request {@code A -> R} that the domain runs on a standard input ({@link
 * Domain#defaultInputs}: a drawing {@code turtle -> turtle} for LOGO); that argument becomes the
 * program's own ({@code (lambda (f a1 ... $0 ... an))}) and the others take the domain's example
 * arguments ({@link Domain#exampleArguments}), all varied together along the row. Applications that
 * fail or make no valid target (a drawing off the canvas) are left out.
 */
final class LibraryFigure {
  static final int COLUMNS = 6;
  static final int CELL = 112;
  private static final int ATTEMPTS = 4 * COLUMNS;

  /** One invention: its row picture, when it has one. */
  record Row(
      String name,
      String type,
      String body,
      String dreamcoder,
      int tasks,
      Optional<BufferedImage> picture,
      String note) {}

  private final Domain domain;
  private final ProgramPictures pictures;
  private final Scorer scorer;

  LibraryFigure(Domain domain) {
    this.domain = domain;
    this.pictures = new ProgramPictures(domain);
    this.scorer = Scorer.of(domain);
  }

  /**
   * A row for every invention of {@code grammar}, in library order; {@code tasksUsing} gives the
   * number of tasks whose programs use an invention, by its name ({@code f0}, ...).
   */
  List<Row> rows(Grammar grammar, ToIntFunction<String> tasksUsing) {
    LibraryView view = new LibraryView(grammar);
    List<Row> rows = new ArrayList<>();
    for (Production p : grammar.productions()) {
      if (!(p.program() instanceof Invented inv)) {
        continue;
      }
      String name = view.name(inv);
      int tasks = tasksUsing.applyAsInt(name);
      List<Montage.Cell> cells = new ArrayList<>();
      String note = cells(inv, p.type(), view, cells);
      Optional<BufferedImage> picture =
          cells.isEmpty()
              ? Optional.empty()
              : Optional.of(
                  Montage.grid(
                      name + " : " + p.type() + "\n" + view.readable(inv.body()),
                      cells,
                      COLUMNS,
                      CELL,
                      2));
      rows.add(
          new Row(
              name,
              p.type().toString(),
              view.readable(inv.body()),
              inv.toString(),
              tasks,
              picture,
              note));
    }
    return rows;
  }

  /**
   * Fills {@code cells} with pictures of {@code inv} applied; returns a note when there are none.
   */
  private String cells(Invented inv, Type type, LibraryView view, List<Montage.Cell> cells) {
    List<Type> arguments = type.functionArguments();
    Type result = type.finalResult();
    int own = -1;
    for (int j = arguments.size() - 1; j >= 0 && own < 0; j--) {
      Type request = Type.arrow(arguments.get(j), result);
      if (!request.isPolymorphic() && pictures.runs(request)) {
        own = j;
      }
    }
    if (own < 0) {
      return "no picture: no argument of " + type + " makes it a program the domain runs";
    }
    Type request = Type.arrow(arguments.get(own), result);
    List<ImmutableList<Program>> choices = new ArrayList<>();
    for (int i = 0; i < arguments.size(); i++) {
      ImmutableList<Program> examples =
          i == own ? ImmutableList.of(new Index(0)) : domain.exampleArguments(arguments.get(i));
      if (examples.isEmpty()) {
        return "no picture: the domain has no example values of type " + arguments.get(i);
      }
      choices.add(examples);
    }
    for (int c = 0; c < ATTEMPTS && cells.size() < COLUMNS; c++) {
      Program body = inv;
      List<String> shown = new ArrayList<>();
      for (int i = 0; i < arguments.size(); i++) {
        // Arguments of the same type start apart, so that they do not move in step.
        Program a = choices.get(i).get((c + 2 * i) % choices.get(i).size());
        body = new Application(body, a);
        if (i != own) {
          shown.add(show(a, arguments.get(i), view));
        }
      }
      Program program = new Abstraction(body);
      try {
        TypeInference.check(program, request);
      } catch (InputException e) {
        continue;
      }
      Optional<BufferedImage> picture = pictures.tryPicture(program, request, CELL);
      if (picture.isPresent()) {
        cells.add(new Montage.Cell(picture.get(), String.join("  ", shown)));
      }
      if (choices.stream().allMatch(x -> x.size() == 1)) {
        break; // nothing to vary: one picture
      }
    }
    return cells.isEmpty()
        ? "no picture: no application to the example values drew on the canvas"
        : "";
  }

  /** An example argument as its value ({@code 0.25}) or, for a function, its program. */
  private String show(Program argument, Type type, LibraryView view) {
    if (!type.isArrow()) {
      try {
        return domain.show(scorer.compile(argument).run(List.of(), scorer.meter()), type);
      } catch (EvaluationException | InputException e) {
        // fall back to the program text
      }
    }
    return view.readable(argument);
  }

  /**
   * Writes {@code fN.png} per drawn invention, {@code library.png} with every drawn row, and {@code
   * index.html} with every invention's name, type, body, uses and row; returns the rows.
   */
  List<Row> write(Path dir, Grammar grammar, LibraryReport report, String title) {
    List<Row> rows =
        rows(
            grammar,
            name -> report.byName().containsKey(name) ? report.byName().get(name).taskCount() : 0);
    try {
      Files.createDirectories(dir);
      List<BufferedImage> drawn = new ArrayList<>();
      StringBuilder html = new StringBuilder();
      html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
          .append(escape(title))
          .append("</title><style>body{font-family:sans-serif}td{vertical-align:top;padding:6px}")
          .append("code{font-size:90%}</style></head><body>\n<h1>")
          .append(escape(title))
          .append("</h1>\n<table>\n");
      for (Row r : rows) {
        html.append("<tr><td><b>")
            .append(escape(r.name()))
            .append("</b></td><td><code>")
            .append(escape(r.type()))
            .append("</code><br><code>")
            .append(escape(r.body()))
            .append("</code><br>used in ")
            .append(r.tasks())
            .append(r.tasks() == 1 ? " task" : " tasks")
            .append("<br>");
        if (r.picture().isPresent()) {
          Montage.writePng(r.picture().get(), dir.resolve(r.name() + ".png"));
          drawn.add(r.picture().get());
          html.append("<img src=\"")
              .append(escape(r.name()))
              .append(".png\" alt=\"")
              .append(escape(r.name()))
              .append("\">");
        } else {
          html.append("<i>").append(escape(r.note())).append("</i>");
        }
        html.append("</td></tr>\n");
      }
      html.append("</table>\n</body></html>\n");
      Files.writeString(dir.resolve("index.html"), html, StandardCharsets.UTF_8);
      if (!drawn.isEmpty()) {
        Montage.writePng(Montage.stack(drawn), dir.resolve("library.png"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  private static String escape(String s) {
    return HtmlEscapers.htmlEscaper().escape(s);
  }
}
