package reverie.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import reverie.cli.serve.RunCatalog;
import reverie.cli.serve.RunServer;
import reverie.cli.serve.RunViews;
import reverie.cli.serve.ValuePictures;

/** {@code reverie serve}: a local, read-only web view of runs, live while they train. */
@Command(
    name = "serve",
    header = "See runs in the browser: learning curves, the library, inventions and tasks.",
    description = {
      "A read-only web server over run directories (or folders of them) on this",
      "machine. Pages: the runs, with settings and figures; a run, with its learning",
      "curve, phase times, the library as a graph of inventions at each iteration",
      "and its tasks; an invention, with its body, type, weight, uses, applications",
      "to real task inputs and the tasks that use it; a task, with its examples, best",
      "programs at each iteration and what recognition predicted for it; and a run's",
      "SAE comparison when it has one (reverie compare RUN --out RUN/compare).",
      "",
      "Pages update within seconds of a new checkpoint. Nothing is written into the",
      "run directories, no program is run on request and nothing can be uploaded;",
      "every page works offline. Ctrl-C stops the server."
    },
    mixinStandardHelpOptions = true)
final class ServeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "DIR",
      arity = "0..*",
      description =
          "Run directories (reverie run --out) or folders of them (default: runs). A folder is"
              + " listed again as runs appear in it.")
  List<Path> dirs;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "8080",
      description = "The TCP port (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description =
          "The address to listen on (default ${DEFAULT-VALUE}: this machine only). Another"
              + " address shows the runs to every machine that can reach it.")
  String host;

  @Override
  public Integer call() throws IOException {
    if (port < 0 || port > 65535) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--port must lie between 0 and 65535, not " + port);
    }
    List<Path> roots = dirs == null || dirs.isEmpty() ? List.of(Path.of("runs")) : dirs;
    RunCatalog catalog = RunCatalog.open(roots);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RunServer server;
    try {
      server = RunServer.start(new RunViews(catalog, ValuePictures.DOMAIN), host, port, err);
    } catch (SocketException e) {
      // A port in use (BindException) or an address this machine does not have: both are the
      // command line's.
      err.println(
          "reverie: cannot listen on "
              + host
              + ":"
              + port
              + " ("
              + e.getMessage()
              + "); choose another --port or --host");
      return ExitCode.USAGE;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              server.close();
              stopped.countDown();
            },
            "reverie-serve-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    int runs = catalog.runs().size();
    out.println(
        "reverie: serving "
            + runs
            + (runs == 1 ? " run" : " runs")
            + " at "
            + server.uri()
            + " (Ctrl-C stops)");
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      // Interrupted in-process (tests): stop as Ctrl-C would.
      Thread.currentThread().interrupt();
      server.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is already stopping; the hook stops the server.
      }
    }
    return ExitCode.OK;
  }
}
