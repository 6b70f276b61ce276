package dev.whyasync.cli;

import dev.whyasync.fixture.PageBody;
import dev.whyasync.http.ClientConfig;
import dev.whyasync.model.Batch;
import dev.whyasync.model.BatchTimeoutException;
import dev.whyasync.model.ConcurrencyModel;
import dev.whyasync.model.ModelConfig;
import dev.whyasync.model.ModelKind;
import dev.whyasync.model.Workload;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code check}: every model downloads a few tasks from a target (a fixture on another host or
 * namespace, nginx serving the page files, a delay proxy) and verifies every page, before anyone
 * spends an hour benchmarking a target that serves the wrong bytes. An unreachable target is a
 * mistake of the command line (status 2); a model that fails against a reachable one is a failed
 * check (status 1). A check fails fast: a model starts no task after its first failed one, and a page
 * may take {@code --timeout} seconds beyond its delay (5 by default, where the benchmarks allow 10),
 * so a server that never finishes a body costs each model one timeout, not one per page.
 */
final class CheckCommand {
    private static final Duration MODEL_TIMEOUT = Duration.ofSeconds(60);
    private static final int PAGE_TIMEOUT_SECONDS = 5;

    static final List<Flag> FLAGS = List.of(
            Flag.valued("--target", "url", "the server, http://host:port (required)"),
            Flag.valued("--tasks", "n", "tasks each model runs (default 50)"),
            Flag.valued("--concurrency", "n", "tasks in flight (default 8)"),
            Flag.valued("--models", "list", "models to check, comma-separated (default: all)"),
            Flag.valued("--size", "bytes", "page size (default 1024)"),
            Flag.valued("--delay", "ms", "server-side delay per page; nginx ignores it (default 0)"),
            Flag.valued("--timeout", "s", "seconds a page may take beyond its delay before it fails (default "
                    + PAGE_TIMEOUT_SECONDS + ")"));

    static final Command COMMAND = Command.of("check",
            "check --target <url> [--tasks <n>] [--models <list>] [options]",
            "check that every model downloads correct pages from a target",
            """
            Runs a few tasks of every model against the target and verifies the length and checksum \
            of every page, then prints one line per model: ok or FAILED, tasks, errors, time. A model \
            stops at its first failed task and its line says why; a response whose Content-Length \
            is not the page size asked for fails at its headers. Use it \
            on a fixture on another host ('whyasync fixture'), on nginx serving the page files \
            (scripts/pages) or through a delay proxy ('whyasync proxy') before benchmarking with \
            -p target=URL. Exit status 0 when every model passed, 1 when one failed, 2 when the \
            target cannot be reached.""",
            FLAGS, CheckCommand::run);

    private CheckCommand() {
    }

    static int run(List<String> args, Output io) {
        Arguments arguments = Arguments.parse("check", FLAGS, args).withoutPositionals();
        String targetText = arguments.string("--target", null);
        if (targetText == null) {
            throw new UsageException("check needs --target http://host:port " + Arguments.seeHelp("check"));
        }
        int tasks = arguments.integer("--tasks", 50, 1, 1_000_000);
        int concurrency = arguments.integer("--concurrency", 8, 1, 1024);
        int size = arguments.integer("--size", 1024, 0, PageBody.MAX_SIZE);
        int delay = arguments.integer("--delay", 0, 0, 60_000);
        int timeout = arguments.integer("--timeout", PAGE_TIMEOUT_SECONDS, 1, 3600);
        ClientConfig client = client(targetText).withRequestTimeout(Duration.ofSeconds(timeout).plusMillis(delay));
        List<ModelKind> models = models(arguments.string("--models", String.join(",", ModelKind.names())));
        requireReachable(client);

        io.out().printf(Locale.ROOT, "check %s: %d tasks per model, %d in flight, pages of %d bytes, delay %d ms%n",
                client.target(), tasks, concurrency, size, delay);
        int failed = 0;
        for (ModelKind kind : models) {
            Outcome outcome = check(kind, client, Workload.of(size, delay), tasks, concurrency);
            io.out().println(outcome.line());
            io.out().flush();
            if (!outcome.ok()) {
                failed++;
            }
        }
        io.out().println(failed == 0 ? "all " + models.size() + " models ok"
                : failed + " of " + models.size() + " models failed");
        return failed == 0 ? Main.OK : 1;
    }

    /** One model's result: every task succeeded with the right pages, or what went wrong. */
    record Outcome(String model, boolean ok, long succeeded, int tasks, long errors, long cancelled, Duration elapsed,
                   String problem) {
        String line() {
            return String.format(Locale.ROOT, "  %-11s %-6s %d/%d tasks, %d %s%s, %.2f s%s", model, ok ? "ok" : "FAILED",
                    succeeded, tasks, errors, errors == 1 ? "error" : "errors", cancelled == 0 ? "" : ", " + cancelled + " cancelled", elapsed.toNanos() / 1e9,
                    problem.isEmpty() ? "" : "; " + problem);
        }
    }

    static Outcome check(ModelKind kind, ClientConfig client, Workload workload, int tasks, int concurrency) {
        long start = System.nanoTime();
        try (ConcurrencyModel model = kind.create(new ModelConfig(client, 0))) {
            Batch.Result result = Batch.run(model, workload, tasks, concurrency, MODEL_TIMEOUT, Batch.TaskObserver.NONE,
                    Batch.Ending.AT_FIRST_FAILURE);
            boolean ok = result.succeeded() == tasks && result.failed() == 0;
            String problem = result.firstFailures().isEmpty() ? ""
                    : "stopped at the first failed task: " + result.firstFailures().get(0).getMessage();
            return new Outcome(kind.modelName(), ok, result.succeeded(), tasks, result.failed(), result.cancelled(), result.elapsed(),
                    problem);
        } catch (BatchTimeoutException e) {
            return new Outcome(kind.modelName(), false, 0, tasks, 0, 0, Duration.ofNanos(System.nanoTime() - start), e.getMessage());
        }
    }

    private static ClientConfig client(String text) {
        try {
            URI uri = URI.create(text);
            if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
                throw new IllegalArgumentException("a path");
            }
            return ClientConfig.of(uri);
        } catch (IllegalArgumentException e) {
            throw new UsageException("bad value '" + text + "' for --target of check: expected http://host:port, "
                    + "e.g. http://10.77.0.1:8080 " + Arguments.seeHelp("check"), e);
        }
    }

    private static List<ModelKind> models(String list) {
        List<String> names = Arrays.stream(list.split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList();
        if (names.isEmpty()) {
            throw new UsageException("--models of check is empty; name one or more of " + String.join(", ", ModelKind.names()));
        }
        return names.stream().map(name -> {
            try {
                return ModelKind.byName(name);
            } catch (IllegalArgumentException e) {
                String hint = Suggestion.didYouMean(name, ModelKind.names());
                throw new UsageException("unknown model '" + name + "' for --models of check"
                        + (hint.isEmpty() ? "; known: " + String.join(", ", ModelKind.names()) : hint), e);
            }
        }).distinct().toList();
    }

    /** A wrong address is one line instead of nine models' worth of connect errors. */
    private static void requireReachable(ClientConfig client) {
        try {
            client.requireReachable();
        } catch (IOException e) {
            throw new UsageException(e.getMessage() + "; start a server there ('whyasync fixture --host " + client.host()
                    + " --port " + client.port() + "' on that host, or scripts/pages for nginx) or check the address and "
                    + "the route to it", e);
        }
    }
}
