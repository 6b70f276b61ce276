package dev.whyasync.model;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.whyasync.http.NettyTransport;
import dev.whyasync.http.Page;
import dev.whyasync.http.PageCall;
import dev.whyasync.http.PageCallback;
import dev.whyasync.http.PageDownloadException;
import dev.whyasync.http.PageRequest;
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
 * request, which spawns one downloader actor per page, so the two pages run concurrently. A
 * downloader starts its download on the Netty transport and turns the callback (which runs on an
 * event loop) into a message to itself, since messages are the only way into an actor; it passes the
 * outcome to the supervisor and stops. The supervisor joins by counting pages, reports once and
 * stops; stopping an actor stops its children, and a downloader cancels its download when it stops,
 * so a failed page aborts its sibling and cancelling a task is one message: "stop".
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
        this.system = ActorSystem.create(guardian(transport), SYSTEM_NAME, settings(config.threadsOrCores()));
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

    private record PageArrived(int slot, Page page) implements TaskMessage {
    }

    private record PageFailed(PageDownloadException error) implements TaskMessage {
    }

    private enum CancelTask implements TaskMessage {
        INSTANCE
    }

    private static Behavior<SpawnTask> guardian(NettyTransport transport) {
        return Behaviors.setup(context -> Behaviors.receive(SpawnTask.class)
                .onMessage(SpawnTask.class, spawn -> {
                    spawn.supervisor().complete(context.spawnAnonymous(
                            Behaviors.setup(c -> new Supervisor(c, transport, spawn.task(), spawn.listener()))));
                    return Behaviors.same();
                })
                .build());
    }

    /** One task: spawns a downloader per page, joins them, reports exactly once, then stops with its children. */
    private static final class Supervisor extends AbstractBehavior<TaskMessage> {
        private final Task task;
        private final TaskListener listener;
        private final Page[] pages = new Page[2];
        private boolean reported;

        Supervisor(ActorContext<TaskMessage> context, NettyTransport transport, Task task, TaskListener listener) {
            super(context);
            this.task = task;
            this.listener = listener;
            context.spawnAnonymous(downloader(transport, 0, task.first(), context.getSelf()));
            context.spawnAnonymous(downloader(transport, 1, task.second(), context.getSelf()));
        }

        @Override
        public Receive<TaskMessage> createReceive() {
            return newReceiveBuilder()
                    .onMessage(PageArrived.class, this::arrived)
                    .onMessage(PageFailed.class, failed -> {
                        reported = true;
                        listener.onFailure(failed.error());
                        return Behaviors.stopped();
                    })
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
    }

    /** One page: the transport's callback becomes a message to itself, which it passes on to the supervisor. */
    private static Behavior<TaskMessage> downloader(NettyTransport transport, int slot, PageRequest request,
                                                    ActorRef<TaskMessage> supervisor) {
        return Behaviors.setup(context -> {
            ActorRef<TaskMessage> self = context.getSelf();
            PageCall call = transport.get(request, new PageCallback() {
                @Override
                public void onPage(Page page) {
                    self.tell(new PageArrived(slot, page));
                }

                @Override
                public void onError(PageDownloadException error) {
                    self.tell(new PageFailed(error));
                }
            });
            return Behaviors.receive(TaskMessage.class)
                    .onMessage(TaskMessage.class, outcome -> {
                        supervisor.tell(outcome);
                        return Behaviors.stopped();
                    })
                    .onSignal(PostStop.class, stopped -> {
                        call.cancel();
                        return Behaviors.same();
                    })
                    .build();
        });
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
