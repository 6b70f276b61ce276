package dev.whyasync.model;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.whyasync.http.NettyTransport;
import dev.whyasync.http.Page;
import dev.whyasync.http.PageCall;
import dev.whyasync.http.PageCallback;
import dev.whyasync.http.PageDownloadException;
import dev.whyasync.http.PageRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * Apache Pekko typed actors: a task is a supervisor actor, spawned by the system's guardian on
 * request, which spawns one downloader actor per page and tells each to download, so the two pages
 * run concurrently. A downloader starts its download on the Netty transport and turns the callback
 * (which runs on an event loop) into a message to itself, since messages are the only way into an
 * actor; it passes the outcome to the supervisor. The supervisor joins by counting pages, reports
 * once and stops; stopping an actor stops its children, and a downloader cancels its download when
 * it stops, so a failed page aborts its sibling and cancelling a task is one message: "stop".
 * <p>
 * Retry is written the plain way, because Pekko typed has none for a failed request: supervision
 * restarts an actor that threw, it does not redo the work the actor was doing, and a failed download
 * is a message here, not an exception. So on a curable failure, with retries left, the supervisor
 * sends the page's downloader its "download" message again. A stopped supervisor sends nothing, so
 * a cancelled task never retries.
 * <p>
 * The surprising fact: no actor ever waits. An actor is a mailbox and a behaviour, and it borrows a
 * dispatcher thread only while it handles one message, so thousands of idle supervisors cost memory
 * and no threads. The asymmetry: every outcome crosses two mailboxes (downloader, then supervisor)
 * on top of the event loop's callback, and the dispatcher's threads come on top of the transport's
 * event loops ({@code threads} of each).
 */
public final class ActorsModel implements ConcurrencyModel {
    /** The actor system's name, which starts the name of each of its threads. */
    public static final String SYSTEM_NAME = "whyasync-actors";
    private static final long TERMINATION_TIMEOUT_SECONDS = 30;

    private final NettyTransport transport;
    private final ActorSystem<SpawnTask> system;

    public ActorsModel(ModelConfig config) {
        this.transport = new NettyTransport(config.client(), config.threadsOrCores());
        this.system = ActorSystem.create(guardian(transport, config), SYSTEM_NAME, settings(config.threadsOrCores()));
    }

    @Override
    public String name() {
        return "actors";
    }

    @Override
    public TaskRun start(Task task, TaskListener listener) {
        CompletableFuture<ActorRef<TaskMessage>> supervisor = new CompletableFuture<>();
        system.tell(new SpawnTask(task, listener, supervisor));
        return () -> supervisor.thenAccept(s -> s.tell(CancelTask.INSTANCE));
    }

    /** A request to the guardian; it answers by completing {@code supervisor}, so that cancel knows where to send "stop". */
    private record SpawnTask(Task task, TaskListener listener, CompletableFuture<ActorRef<TaskMessage>> supervisor) {
    }

    /** What a supervisor hears: an outcome from a downloader, or a cancel from outside. */
    private sealed interface TaskMessage permits PageArrived, PageFailed, CancelTask {
    }

    /** What a downloader hears: the order to download its page (again), or how its download ended. */
    private sealed interface PageMessage permits Download, PageArrived, PageFailed {
    }

    private record PageArrived(int slot, Page page) implements TaskMessage, PageMessage {
    }

    private record PageFailed(int slot, PageDownloadException error) implements TaskMessage, PageMessage {
    }

    private enum CancelTask implements TaskMessage {
        INSTANCE
    }

    private enum Download implements PageMessage {
        INSTANCE
    }

    private static Behavior<SpawnTask> guardian(NettyTransport transport, ModelConfig config) {
        return Behaviors.setup(context -> Behaviors.receive(SpawnTask.class)
                .onMessage(SpawnTask.class, spawn -> {
                    spawn.supervisor().complete(context.spawnAnonymous(
                            Behaviors.setup(c -> new Supervisor(c, transport, config, spawn.task(), spawn.listener()))));
                    return Behaviors.same();
                })
                .build());
    }

    /** One task: a downloader per page, a join, a retry per curable failure while retries last, one report, then stop with its children. */
    private static final class Supervisor extends AbstractBehavior<TaskMessage> {
        private final ModelConfig config;
        private final Task task;
        private final TaskListener listener;
        private final List<ActorRef<PageMessage>> downloaders;
        private final Page[] pages = new Page[2];
        private final int[] retries = new int[2];
        private boolean reported;

        Supervisor(ActorContext<TaskMessage> context, NettyTransport transport, ModelConfig config, Task task, TaskListener listener) {
            super(context);
            this.config = config;
            this.task = task;
            this.listener = listener;
            this.downloaders = List.of(
                    context.spawnAnonymous(Behaviors.setup(c -> new Downloader(c, transport, 0, task.first(), context.getSelf()))),
                    context.spawnAnonymous(Behaviors.setup(c -> new Downloader(c, transport, 1, task.second(), context.getSelf()))));
            downloaders.forEach(d -> d.tell(Download.INSTANCE));
        }

        @Override
        public Receive<TaskMessage> createReceive() {
            return newReceiveBuilder()
                    .onMessage(PageArrived.class, this::arrived)
                    .onMessage(PageFailed.class, this::failed)
                    .onMessageEquals(CancelTask.INSTANCE, Behaviors::stopped)
                    .onSignal(PostStop.class, stopped -> {
                        if (!reported) {
                            listener.onFailure(new PageDownloadException("task " + task.id(),
                                    PageDownloadException.Reason.CANCELLED, "task cancelled"));
                        }
                        return this;
                    })
                    .build();
        }

        private Behavior<TaskMessage> arrived(PageArrived arrived) {
            pages[arrived.slot()] = arrived.page();
            if (pages[0] == null || pages[1] == null) {
                return this;
            }
            reported = true;
            listener.onSuccess(TaskResult.combine(task.id(), pages[0], pages[1]));
            return Behaviors.stopped();
        }

        private Behavior<TaskMessage> failed(PageFailed failed) {
            int slot = failed.slot();
            if (config.mayRetry(retries[slot], failed.error())) {
                retries[slot]++;
                listener.onRetry(failed.error());
                downloaders.get(slot).tell(Download.INSTANCE);
                return this;
            }
            reported = true;
            listener.onFailure(failed.error());
            return Behaviors.stopped();
        }
    }

    /** One page: each "download" starts a request whose callback becomes a message to itself, which it passes on to the supervisor. */
    private static final class Downloader extends AbstractBehavior<PageMessage> {
        private final NettyTransport transport;
        private final int slot;
        private final PageRequest request;
        private final ActorRef<TaskMessage> supervisor;
        private PageCall call;

        Downloader(ActorContext<PageMessage> context, NettyTransport transport, int slot, PageRequest request,
                   ActorRef<TaskMessage> supervisor) {
            super(context);
            this.transport = transport;
            this.slot = slot;
            this.request = request;
            this.supervisor = supervisor;
        }

        @Override
        public Receive<PageMessage> createReceive() {
            return newReceiveBuilder()
                    .onMessageEquals(Download.INSTANCE, this::download)
                    .onMessage(PageArrived.class, this::passOn)
                    .onMessage(PageFailed.class, this::passOn)
                    .onSignal(PostStop.class, stopped -> {
                        if (call != null) {
                            call.cancel();
                        }
                        return this;
                    })
                    .build();
        }

        private Behavior<PageMessage> download() {
            ActorRef<PageMessage> self = getContext().getSelf();
            call = transport.get(request, new PageCallback() {
                @Override
                public void onPage(Page page) {
                    self.tell(new PageArrived(slot, page));
                }

                @Override
                public void onError(PageDownloadException error) {
                    self.tell(new PageFailed(slot, error));
                }
            });
            return this;
        }

        private Behavior<PageMessage> passOn(TaskMessage outcome) {
            supervisor.tell(outcome);
            return this;
        }
    }

    /**
     * The dispatcher gets exactly {@code threads} threads and Pekko's internal dispatcher is an alias
     * of it, so the model's thread count is the parameter; startup, shutdown and dead-letter logging
     * are off because cancelled tasks send messages to stopped actors by design. The actor
     * microbenchmarks build their systems with the same settings.
     */
    public static Config settings(int threads) {
        return ConfigFactory.parseString("""
                pekko {
                  loglevel = WARNING
                  stdout-loglevel = WARNING
                  log-dead-letters = off
                  log-dead-letters-during-shutdown = off
                  jvm-shutdown-hooks = off
                  coordinated-shutdown.run-by-jvm-shutdown-hook = off
                  actor.default-dispatcher.fork-join-executor {
                    parallelism-min = %d
                    parallelism-max = %d
                  }
                  actor.internal-dispatcher = "pekko.actor.default-dispatcher"
                }
                """.formatted(threads, threads)).withFallback(ConfigFactory.load());
    }

    /** Stops every actor (tasks in flight report {@code CANCELLED}), waits for the system to end, then closes the transport. */
    @Override
    public void close() {
        try {
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().get(TERMINATION_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the actor system " + SYSTEM_NAME + " did not terminate", e);
        } finally {
            transport.close();
        }
    }
}
