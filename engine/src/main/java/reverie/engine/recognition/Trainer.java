package reverie.engine.recognition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Minibatch training with Adam. Each minibatch is split into one contiguous chunk per worker; each
 * worker writes its own gradient buffer, and the buffers are summed in worker order, so a run is a
 * deterministic function of the seed and the thread count (bit for bit with one thread).
 */
final class Trainer {
  private static final int REPORT_EVERY = 100;

  /** A task ready for the loss: its tokens and its posterior-weighted use counts. */
  record Item(EncodedTask encoded, UseCounts counts) {}

  private final Network network;
  private final double[] parameters;

  Trainer(Network network, double[] parameters) {
    this.network = network;
    this.parameters = parameters;
  }

  TrainingReport train(
      List<Item> replays,
      List<Item> fantasies,
      TrainingConfig config,
      SplittableRandom random,
      Consumer<TrainingProgress> progress) {
    if (replays.isEmpty() && fantasies.isEmpty()) {
      throw new IllegalArgumentException("nothing to train on: no replays and no fantasies");
    }
    double ratio = replays.isEmpty() ? 1 : fantasies.isEmpty() ? 0 : config.helmholtzRatio();
    int threads = Math.min(config.threads(), config.batchSize());
    Adam adam = new Adam(parameters.length, config.learningRate());
    double[][] grads = new double[threads][parameters.length];
    double[] total = new double[parameters.length];
    double[] losses = new double[threads];
    double[][] accumulators = new double[threads][];
    for (int w = 0; w < threads; w++) {
      accumulators[w] = network.encoder.newAccumulator();
    }
    ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, daemon()) : null;
    ExampleEncoder.Parallel parallel =
        pool == null ? ExampleEncoder.Parallel.SERIAL : parallel(pool, threads);
    long start = System.nanoTime();
    int tenth = Math.max(1, config.steps() / 10);
    double firstLoss = 0;
    double lastLoss = 0;
    double windowLoss = 0;
    int window = 0;
    try {
      Item[] batch = new Item[config.batchSize()];
      for (int step = 0; step < config.steps(); step++) {
        for (int b = 0; b < batch.length; b++) {
          boolean fantasy = random.nextDouble() < ratio;
          List<Item> from = fantasy ? fantasies : replays;
          batch[b] = from.get(random.nextInt(from.size()));
        }
        double scale = 1.0 / batch.length;
        List<EncodedTask> encoded = new ArrayList<>(batch.length);
        for (Item item : batch) {
          encoded.add(item.encoded());
        }
        Object prepared = network.prepare(parameters, encoded, parallel);
        if (pool == null) {
          Arrays.fill(grads[0], 0);
          losses[0] = chunk(prepared, batch, 0, batch.length, scale, grads[0], accumulators[0]);
        } else {
          List<Future<Double>> futures = new ArrayList<>();
          for (int w = 0; w < threads; w++) {
            int from = w * batch.length / threads;
            int to = (w + 1) * batch.length / threads;
            double[] g = grads[w];
            double[] a = accumulators[w];
            futures.add(
                pool.submit(
                    () -> {
                      Arrays.fill(g, 0);
                      return chunk(prepared, batch, from, to, scale, g, a);
                    }));
          }
          for (int w = 0; w < threads; w++) {
            losses[w] = futures.get(w).get();
          }
        }
        System.arraycopy(grads[0], 0, total, 0, total.length);
        double loss = losses[0];
        for (int w = 1; w < threads; w++) {
          double[] g = grads[w];
          for (int i = 0; i < total.length; i++) {
            total[i] += g[i];
          }
          loss += losses[w];
        }
        adam.step(parameters, total);
        if (step < tenth) {
          firstLoss += loss / tenth;
        }
        if (step >= config.steps() - tenth) {
          lastLoss += loss / tenth;
        }
        windowLoss += loss;
        window++;
        if ((step + 1) % REPORT_EVERY == 0 || step + 1 == config.steps()) {
          progress.accept(
              new TrainingProgress(step + 1, config.steps(), windowLoss / window, seconds(start)));
          windowLoss = 0;
          window = 0;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("training interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("training worker failed", e.getCause());
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    return new TrainingReport(
        config.steps(), replays.size(), fantasies.size(), firstLoss, lastLoss, seconds(start));
  }

  private double chunk(
      Object prepared,
      Item[] batch,
      int from,
      int to,
      double scale,
      double[] grad,
      double[] accumulator) {
    double loss = 0;
    for (int b = from; b < to; b++) {
      loss +=
          network.lossAndGradient(
              parameters,
              prepared,
              batch[b].encoded(),
              batch[b].counts(),
              scale,
              grad,
              accumulator);
    }
    network.encoder.finish(parameters, prepared, accumulator, grad);
    return loss;
  }

  private static ExampleEncoder.Parallel parallel(ExecutorService pool, int threads) {
    return new ExampleEncoder.Parallel() {
      @Override
      public void runAll(List<Runnable> jobs) {
        List<Future<?>> futures = new ArrayList<>();
        for (Runnable job : jobs) {
          futures.add(pool.submit(job));
        }
        try {
          for (Future<?> f : futures) {
            f.get();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("training interrupted", e);
        } catch (ExecutionException e) {
          throw new IllegalStateException("training worker failed", e.getCause());
        }
      }

      @Override
      public int parts() {
        return threads;
      }
    };
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "recognition-worker");
      t.setDaemon(true);
      return t;
    };
  }
}
