package reverie.engine.loop;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import reverie.dsl.grammar.ContextualGrammar;
import reverie.dsl.grammar.Grammar;
import reverie.engine.enumerate.Frontier;
import reverie.engine.enumerate.FrontierEntry;
import reverie.engine.recognition.Dreamer;
import reverie.engine.recognition.RecognitionModel;
import reverie.engine.recognition.TaskExamples;
import reverie.engine.recognition.TrainingConfig;
import reverie.engine.recognition.TrainingReport;
import reverie.engine.recognition.TrainingTask;
import reverie.tasks.Scorer;
import reverie.tasks.Task;

/**
 * The dreaming phase with Reverie's recognition model: a fresh model for the new library (its
 * output layer is the library's), trained on replays of the frontiers and on fantasies sampled from
 * the grammar and run on the training tasks' inputs.
 */
public final class RecognitionDream implements DreamPhase<RecognitionModel> {
  private final ImmutableMap<String, Task> tasks;
  private final ImmutableList<Task> training;
  private final Scorer scorer;

  /** Dreams on the inputs of the {@code training} tasks, running fantasies with {@code scorer}. */
  public RecognitionDream(Map<String, Task> tasks, List<String> training, Scorer scorer) {
    this.tasks = ImmutableMap.copyOf(tasks);
    this.training = training.stream().map(tasks::get).collect(ImmutableList.toImmutableList());
    this.scorer = scorer;
  }

  @Override
  public Optional<RecognitionModel> dream(
      Grammar grammar,
      ImmutableMap<String, Frontier> frontiers,
      Optional<RecognitionModel> previous,
      PhaseContext context) {
    RunConfig config = context.config();
    RecognitionModel model = RecognitionModel.create(grammar, scorer.domain(), context.seed());
    List<TrainingTask> replays = new ArrayList<>();
    for (Frontier f : frontiers.values()) {
      List<TrainingTask.Entry> entries = new ArrayList<>();
      for (FrontierEntry s : f.entries()) {
        entries.add(new TrainingTask.Entry(s.program(), s.logPosterior()));
      }
      replays.add(TaskExamples.training(tasks.get(f.task()), entries));
    }
    Dreamer dreamer = Dreamer.of(scorer, grammar, TaskExamples.inputs(training));
    TrainingConfig tc =
        TrainingConfig.defaults()
            .withSteps(config.recognitionSteps())
            .withThreads(config.threads())
            .withSeed(context.seed());
    ProgressListener progress = context.progress();
    progress.start(context.phase(), config.recognitionSteps());
    TrainingReport report =
        model.train(
            replays,
            dreamer,
            tc,
            p -> progress.step(p.step(), String.format(Locale.ROOT, "loss %.3f", p.meanLoss())));
    progress.finish(
        String.format(
            Locale.ROOT,
            "%d steps on %d replays and %d fantasies, loss %.3f -> %.3f",
            report.steps(),
            replays.size(),
            report.fantasies(),
            report.firstLoss(),
            report.lastLoss()));
    return Optional.of(model);
  }

  /** The grammar the model predicts for a task. */
  public static ContextualGrammar predict(RecognitionModel model, Task task) {
    return model.predict(task);
  }

  @Override
  public void save(RecognitionModel model, Path directory) {
    try {
      model.save(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the recognition model in " + directory, e);
    }
  }

  @Override
  public RecognitionModel load(Path directory, Grammar grammar) {
    try {
      return RecognitionModel.load(directory, scorer.domain());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the recognition model in " + directory, e);
    }
  }
}
