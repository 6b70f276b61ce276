package dev.whyasync.cli;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The processes a run started below this JVM: JMH's forks and the fixture JVMs the forks start.
 * Each one is meant to end with its unit (a fixture also ends when its fork dies, on EOF of its
 * standard input); this class makes sure of it after each unit and when the run is stopped. Processes
 * that were already there when the run began are not the run's and are left alone.
 */
final class ChildProcesses {
    private final Set<Long> before;

    private ChildProcesses(Set<Long> before) {
        this.before = before;
    }

    /** Notes the processes below this JVM now, which are not the run's. */
    static ChildProcesses since() {
        return new ChildProcesses(ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet()));
    }

    /** The run's processes still alive. */
    List<ProcessHandle> alive() {
        return ProcessHandle.current().descendants().filter(process -> !before.contains(process.pid())).toList();
    }

    /**
     * Gives the run's processes {@code patience} to exit by themselves, then ends the rest (SIGTERM,
     * a moment for their shutdown hooks, then SIGKILL); returns those that had to be ended.
     */
    List<String> reap(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        List<ProcessHandle> left = alive();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            sleep(50);
            left = alive();
        }
        List<String> ended = left.stream().map(ChildProcesses::describe).toList();
        end(left);
        return ended;
    }

    /** Ends the run's processes now; a second and third look catch one that a fork was starting meanwhile. */
    void endAll() {
        for (int round = 0; round < 3; round++) {
            List<ProcessHandle> left = alive();
            if (left.isEmpty()) {
                return;
            }
            end(left);
        }
    }

    private static void end(List<ProcessHandle> processes) {
        processes.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        for (ProcessHandle process : processes) {
            long wait = Math.max(0, deadline - System.nanoTime());
            try {
                process.onExit().get(wait, TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException notYet) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    /** "pid 123 (dev.whyasync.fixture.PageServer 127.0.0.1 0 1)", or the program alone when the main class is cut off. */
    private static String describe(ProcessHandle process) {
        String command = process.info().commandLine().orElse("");
        int main = Math.max(command.lastIndexOf(" dev."), command.lastIndexOf(" org."));
        return "pid " + process.pid() + " ("
                + (main >= 0 ? command.substring(main + 1) : process.info().command().orElse("unknown program")) + ")";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
