package dev.whyasync.cli;

import java.io.IOException;
import java.nio.file.Files;

/**
 * Keeps a run's files in order whatever stops it. While the units run, a shutdown hook stands
 * ready for Ctrl-C, SIGTERM or a fatal error: it marks the meta file incomplete with an end time,
 * ends the run's forks and fixtures, and removes the unit file. The result file needs nothing: it is
 * only ever replaced whole. The hook and the normal end share a lock, so the meta file gets its
 * final status once, from whichever comes first; a run the hook stopped is incomplete even if its
 * last unit finished meanwhile.
 */
final class RunGuard {
    private final RunFiles files;
    private final RunMeta meta;
    private final Output io;
    private final String resume;
    private final ChildProcesses processes = ChildProcesses.since();
    private final Thread hook = new Thread(this::stop, "whyasync-run-stopped");
    private final Object lock = new Object();
    private volatile boolean stopping;
    /** Whether the final status is written; guarded by {@link #lock}. */
    private boolean finished;

    private RunGuard(RunFiles files, RunMeta meta, Output io, String resume) {
        this.files = files;
        this.meta = meta;
        this.io = io;
        this.resume = resume;
    }

    /**
     * Writes {@code meta} (incomplete, as the run starts or resumes) and stands guard over the run's
     * files; {@code resume} is the command a stopped run tells the user to run next.
     */
    static RunGuard install(RunFiles files, RunMeta meta, Output io, String resume) throws IOException {
        meta.write(files.meta());
        RunGuard guard = new RunGuard(files, meta, io, resume);
        Runtime.getRuntime().addShutdownHook(guard.hook);
        return guard;
    }

    /** True once the JVM is shutting down: no further unit may start. */
    boolean stopping() {
        return stopping;
    }

    ChildProcesses processes() {
        return processes;
    }

    /** Writes the final status and retires the hook; returns the status written, incomplete if the run was stopped. */
    String finish(String status) throws IOException {
        synchronized (lock) {
            if (finished) {
                return RunMeta.INCOMPLETE;
            }
            String written = status;
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                written = RunMeta.INCOMPLETE;
            }
            meta.finished(written).write(files.meta());
            finished = true;
            return written;
        }
    }

    private void stop() {
        stopping = true;
        synchronized (lock) {
            if (!finished) {
                finished = true;
                try {
                    meta.finished(RunMeta.INCOMPLETE).write(files.meta());
                    // JMH may be halfway through a line ("Iteration 1: ")
                    io.err().println();
                    io.err().println("whyasync: stopped; run " + files.runId() + " is incomplete, its finished units are in "
                            + files.results() + "; to run what is missing: " + resume);
                } catch (IOException e) {
                    io.err().println("whyasync: stopped, but cannot mark " + files.meta() + " incomplete: " + e);
                }
            }
        }
        processes.endAll();
        try {
            Files.deleteIfExists(files.unitResult());
        } catch (IOException e) {
            // a leftover unit file is never read as a result
        }
    }
}
