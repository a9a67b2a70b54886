package reverie.cli.serve;

import java.util.Optional;
import reverie.dsl.program.Invented;
import reverie.engine.loop.Checkpoint;
import reverie.engine.loop.LibraryReport;
import reverie.engine.loop.LibraryView;
import reverie.engine.recognition.RecognitionModel;

/** One verified checkpoint of a served run, with its library's readable view and report. */
record IterationData(
    Checkpoint<RecognitionModel> checkpoint, LibraryView view, LibraryReport report) {

  int iteration() {
    return checkpoint.iteration();
  }

  /** The invention the view names {@code name} ({@code f0}, ...), if the library has it. */
  Optional<Invented> invention(String name) {
    for (Invented i : view.inventions()) {
      if (view.name(i).equals(name)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }
}
