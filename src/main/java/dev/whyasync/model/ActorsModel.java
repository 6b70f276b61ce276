package dev.whyasync.model;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.whyasync.http.NettyTransport;
import dev.whyasync.http.Page;
import dev.whyasync.http.PageCall;
import dev.whyasync.http.PageCallback;
import dev.whyasync.http.PageDownloadException;
import dev.whyasync.http.PageRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.apache.pekko.actor.BootstrapSetup;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.dispatch.ExecutionContexts;

/**
 * Apache Pekko typed actors: long-lived page downloaders, one per runtime thread, and an actor per
 * task that sends two of them a "download" message and combines their replies. A task's actor is
 * spawned by a long-lived task host (one per runtime thread too; the task's id picks which), not by
 * the system's guardian, so spawning is spread over the runtime rather than queued behind one
 * mailbox. A downloader starts a download on the Netty transport and turns the callback (which runs
 * on an event loop) into a message to itself, since messages are the only way into an actor; then it
 * replies to the task. The task joins by counting pages, reports once and stops; a task that stops
 * before it has both pages tells the downloaders to cancel what it still waits for, so a failed page
 * aborts its sibling and cancelling a task is one message: "stop".
 * <p>
 * Retry is written the plain way, because Pekko typed has none for a failed request: supervision
 * restarts an actor that threw, it does not redo the work the actor was doing, and a failed download
 * is a message here, not an exception. So on a curable failure, with retries left, the task sends the
 * page's downloader its "download" message again. A stopped task sends nothing, so a cancelled task
 * never retries.
 * <p>
 * The surprising fact: no actor ever waits. An actor is a mailbox and a behaviour, and it borrows a
 * thread only while it handles one message, so thousands of idle tasks cost memory and no threads;
 * and any executor will do, so the actors run on the transport's own event loops, and actors and I/O
 * share {@code threads} threads. The asymmetry: every outcome crosses two mailboxes (downloader, then
 * task) on top of the event loop's callback, and the system keeps one thread of its own that no
 * setting moves onto the loops: the scheduler's timer, which wakes at every tick (10 ms) although
 * these actors schedule nothing. So {@code threads = N} is N + 1 threads.
 */
public final class ActorsModel implements ConcurrencyModel {
    /** The actor system's name, which starts the name of its scheduler's thread. */
    public static final String SYSTEM_NAME = "whyasync-actors";
    private static final long TIMEOUT_SECONDS = 30;

    private final NettyTransport transport;
    private final ActorSystem<Void> system;
    private final List<ActorRef<StartTask>> hosts;

    public ActorsModel(ModelConfig config) {
        int threads = config.threadsOrCores();
        this.transport = new NettyTransport(config.client(), threads);
        CompletableFuture<List<ActorRef<StartTask>>> started = new CompletableFuture<>();
        this.system = system(guardian(threads, transport, config, started), SYSTEM_NAME, transport.eventLoops());
        this.hosts = awaitStarted(started);
    }

    /** The task hosts once the guardian has started them; a system that does not start is closed at once. */
    private List<ActorRef<StartTask>> awaitStarted(CompletableFuture<List<ActorRef<StartTask>>> started) {
        try {
            return started.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("the actor system " + SYSTEM_NAME + " did not start", e);
        }
    }

    @Override
    public String name() {
        return "actors";
    }

    @Override
    public TaskRun start(Task task, TaskListener listener) {
        CompletableFuture<ActorRef<TaskMessage>> spawned = new CompletableFuture<>();
        hosts.get(Math.floorMod(task.id(), hosts.size())).tell(new StartTask(task, listener, spawned));
        return () -> spawned.thenAccept(t -> t.tell(CancelTask.INSTANCE));
    }

    /** The guardian starts the long-lived actors, one downloader and one task host per thread, and does nothing else. */
    private static Behavior<Void> guardian(int threads, NettyTransport transport, ModelConfig config,
                                           CompletableFuture<List<ActorRef<StartTask>>> started) {
        return Behaviors.setup(context -> {
            List<ActorRef<DownloaderMessage>> downloaders = IntStream.range(0, threads)
                    .mapToObj(i -> context.spawn(Behaviors.<DownloaderMessage>setup(c -> new Downloader(c, transport)), "downloader-" + i))
                    .toList();
            started.complete(IntStream.range(0, threads)
                    .mapToObj(i -> context.spawn(host(downloaders, config), "tasks-" + i)).toList());
            return Behaviors.empty();
        });
    }

    /** A host spawns each task it is given and answers with the task's actor, so that cancel knows where to send "stop". */
    private static Behavior<StartTask> host(List<ActorRef<DownloaderMessage>> downloaders, ModelConfig config) {
        return Behaviors.receive((context, start) -> {
            start.spawned().complete(context.spawnAnonymous(Behaviors.setup(
                    c -> new TaskActor(c, downloaders, config, start.task(), start.listener()))));
            return Behaviors.same();
        });
    }

    private record StartTask(Task task, TaskListener listener, CompletableFuture<ActorRef<TaskMessage>> spawned) {
    }

    /** What a task hears: a downloader's reply, or a cancel from outside. */
    private sealed interface TaskMessage permits PageArrived, PageFailed, CancelTask {
    }

    private record PageArrived(int slot, Page page) implements TaskMessage {
    }

    private record PageFailed(int slot, PageDownloadException error) implements TaskMessage {
    }

    private enum CancelTask implements TaskMessage {
        INSTANCE
    }

    /** One page of one task, as a downloader knows its downloads. */
    private record Order(ActorRef<TaskMessage> task, int slot) {
    }

    /** What a downloader hears: download a page (again), stop downloading it, or how a download of its own ended. */
    private sealed interface DownloaderMessage permits Download, CancelDownload, Downloaded {
    }

    private record Download(Order order, PageRequest request) implements DownloaderMessage {
    }

    private record CancelDownload(Order order) implements DownloaderMessage {
    }

    private record Downloaded(Order order, TaskMessage outcome) implements DownloaderMessage {
    }

    /** One task: a page from each of two downloaders, a join, a retry per curable failure while retries last, one report, then stop. */
    private static final class TaskActor extends AbstractBehavior<TaskMessage> {
        private final ModelConfig config;
        private final Task task;
        private final TaskListener listener;
        private final List<ActorRef<DownloaderMessage>> downloaders;
        private final Order[] orders;
        private final Page[] pages = new Page[2];
        private final boolean[] waiting = new boolean[2];
        private final int[] retries = new int[2];
        private boolean reported;

        TaskActor(ActorContext<TaskMessage> context, List<ActorRef<DownloaderMessage>> all, ModelConfig config,
                  Task task, TaskListener listener) {
            super(context);
            this.config = config;
            this.task = task;
            this.listener = listener;
            // the task's two pages go to two downloaders in turn, as its id would number its pages
            this.downloaders = List.of(all.get(Math.floorMod(2 * task.id(), all.size())),
                    all.get(Math.floorMod(2 * task.id() + 1, all.size())));
            this.orders = new Order[] {new Order(context.getSelf(), 0), new Order(context.getSelf(), 1)};
            download(0);
            download(1);
        }

        @Override
        public Receive<TaskMessage> createReceive() {
            return newReceiveBuilder()
                    .onMessage(PageArrived.class, this::arrived)
                    .onMessage(PageFailed.class, this::failed)
                    .onMessageEquals(CancelTask.INSTANCE, Behaviors::stopped)
                    .onSignal(PostStop.class, stopped -> {
                        for (int slot = 0; slot < 2; slot++) {
                            if (waiting[slot]) {
                                downloaders.get(slot).tell(new CancelDownload(orders[slot]));
                            }
                        }
                        if (!reported) {
                            listener.onFailure(new PageDownloadException("task " + task.id(),
                                    PageDownloadException.Reason.CANCELLED, "task cancelled"));
                        }
                        return this;
                    })
                    .build();
        }

        private void download(int slot) {
            waiting[slot] = true;
            downloaders.get(slot).tell(new Download(orders[slot], slot == 0 ? task.first() : task.second()));
        }

        private Behavior<TaskMessage> arrived(PageArrived arrived) {
            waiting[arrived.slot()] = false;
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
            waiting[slot] = false;
            if (config.mayRetry(retries[slot], failed.error())) {
                retries[slot]++;
                listener.onRetry(failed.error());
                download(slot);
                return this;
            }
            reported = true;
            listener.onFailure(failed.error());
            return Behaviors.stopped();
        }
    }

    /**
     * Downloads pages for any task: each download's callback becomes a message to itself, which it
     * passes on to the task; it keeps the downloads in flight so that a task can cancel one, and
     * cancels all of them when it stops.
     */
    private static final class Downloader extends AbstractBehavior<DownloaderMessage> {
        private final NettyTransport transport;
        private final Map<Order, PageCall> inFlight = new HashMap<>();

        Downloader(ActorContext<DownloaderMessage> context, NettyTransport transport) {
            super(context);
            this.transport = transport;
        }

        @Override
        public Receive<DownloaderMessage> createReceive() {
            return newReceiveBuilder()
                    .onMessage(Download.class, this::download)
                    .onMessage(Downloaded.class, this::passOn)
                    .onMessage(CancelDownload.class, this::cancel)
                    .onSignal(PostStop.class, stopped -> {
                        inFlight.values().forEach(PageCall::cancel);
                        return this;
                    })
                    .build();
        }

        private Behavior<DownloaderMessage> download(Download download) {
            ActorRef<DownloaderMessage> self = getContext().getSelf();
            Order order = download.order();
            inFlight.put(order, transport.get(download.request(), new PageCallback() {
                @Override
                public void onPage(Page page) {
                    self.tell(new Downloaded(order, new PageArrived(order.slot(), page)));
                }

                @Override
                public void onError(PageDownloadException error) {
                    self.tell(new Downloaded(order, new PageFailed(order.slot(), error)));
                }
            }));
            return this;
        }

        /** A download that was cancelled meanwhile has no task left to hear of it. */
        private Behavior<DownloaderMessage> passOn(Downloaded downloaded) {
            if (inFlight.remove(downloaded.order()) != null) {
                downloaded.order().task().tell(downloaded.outcome());
            }
            return this;
        }

        private Behavior<DownloaderMessage> cancel(CancelDownload cancel) {
            PageCall call = inFlight.remove(cancel.order());
            if (call != null) {
                call.cancel();
            }
            return this;
        }
    }

    /**
     * An actor system whose dispatcher is {@code loops}: Pekko runs every dispatcher configured with
     * its "default-executor" on an executor given at start-up, and does not shut that executor down,
     * so its owner stops it after the system. Pekko's internal dispatcher is an alias of the default
     * one; startup, shutdown and dead-letter logging are off because cancelled tasks send messages to
     * stopped actors by design. The actor microbenchmarks build their systems the same way.
     */
    public static <T> ActorSystem<T> system(Behavior<T> guardian, String name, Executor loops) {
        Config settings = ConfigFactory.parseString("""
                pekko {
                  loglevel = WARNING
                  stdout-loglevel = WARNING
                  log-dead-letters = off
                  log-dead-letters-during-shutdown = off
                  jvm-shutdown-hooks = off
                  coordinated-shutdown.run-by-jvm-shutdown-hook = off
                  actor.default-dispatcher.executor = "default-executor"
                  actor.internal-dispatcher = "pekko.actor.default-dispatcher"
                }
                """).withFallback(ConfigFactory.load());
        return ActorSystem.create(guardian, name,
                BootstrapSetup.create(settings).withDefaultExecutionContext(ExecutionContexts.fromExecutor(loops)));
    }

    /** Stops every actor (tasks in flight report {@code CANCELLED}), waits for the system to end, then closes the transport. */
    @Override
    public void close() {
        try {
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the actor system " + SYSTEM_NAME + " did not terminate", e);
        } finally {
            transport.close();
        }
    }
}
