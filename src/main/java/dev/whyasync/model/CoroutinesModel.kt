package dev.whyasync.model

import dev.whyasync.http.NettyTransport
import dev.whyasync.http.Page
import dev.whyasync.http.PageCallback
import dev.whyasync.http.PageDownloadException
import dev.whyasync.http.PageRequest
import io.netty.channel.EventLoopGroup
import io.netty.util.concurrent.EventExecutor
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.CoroutineStart
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.async
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.currentCoroutineContext
import kotlinx.coroutines.ensureActive
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.suspendCancellableCoroutine
import kotlin.coroutines.CoroutineContext
import kotlin.coroutines.resume
import kotlin.coroutines.resumeWithException

/**
 * Kotlin coroutines: a task is the sequential-looking code `async` page one, `async` page two,
 * await both, combine, run as a coroutine on the Netty transport's own event loops, so `threads`
 * event loops are the model's only threads (one: a single-threaded runtime). A page is a suspend
 * function over the transport: the coroutine suspends until the event loop's callback resumes it, so
 * no thread waits. `coroutineScope` is the join and the structure: if one page fails, the scope
 * cancels its sibling, whose cancellation handler closes the connection; cancelling the task cancels
 * its job, and so both pages, the same way. Each task is a child of one `SupervisorJob`, so a failing
 * task leaves the others alone. A retry is a plain loop in the suspend function around the page
 * download, as in the blocking models; a cancelled coroutine stops at `ensureActive` before it would
 * try again.
 *
 * The surprising fact: a suspend function compiles to a state machine, a continuation object that
 * remembers where the coroutine stopped, which is what Rust's async fn compiles to too; but `async`
 * here is eager (it starts at once) where a Rust future is inert until polled, and only
 * `async(start = CoroutineStart.LAZY)` is inert. A task starts `UNDISPATCHED` (it runs on the caller
 * until its first suspension), so a cancel never finds a task that has not begun, and the task's
 * own code is the one place that reports its outcome, exactly once. A coroutine resumed by a
 * channel's callback goes on at once on that channel's event loop, as Ktor's Netty dispatcher does,
 * rather than queueing behind the loop's I/O; only a resume from another thread is handed to a loop.
 */
class CoroutinesModel(private val config: ModelConfig) : ConcurrencyModel {
    private val transport = NettyTransport(config.client(), config.threadsOrCores())
    private val tasks = SupervisorJob()
    private val scope = CoroutineScope(tasks + LoopDispatcher(transport.eventLoops()))

    override fun name() = "coroutines"

    override fun start(task: Task, listener: TaskListener): TaskRun {
        val job = scope.launch(start = CoroutineStart.UNDISPATCHED) {
            val result = try {
                coroutineScope {
                    val first = async { pageWithRetries(task.first(), listener) }
                    val second = async { pageWithRetries(task.second(), listener) }
                    TaskResult.combine(task.id(), first.await(), second.await())
                }
            } catch (e: Exception) {
                listener.onFailure(reported(task, e))
                return@launch
            }
            listener.onSuccess(result)
        }
        return TaskRun { job.cancel() }
    }

    /** One page, downloaded again while it fails curably and retries are left. */
    private suspend fun pageWithRetries(request: PageRequest, listener: TaskListener): Page {
        var retries = 0
        while (true) {
            try {
                return page(transport, request)
            } catch (e: PageDownloadException) {
                currentCoroutineContext().ensureActive()
                if (!config.mayRetry(retries, e)) throw e
                retries++
                listener.onRetry(e)
            }
        }
    }

    private fun reported(task: Task, error: Throwable): Throwable = when (error) {
        is PageDownloadException -> error
        is CancellationException ->
            PageDownloadException("task ${task.id()}", PageDownloadException.Reason.CANCELLED, "task cancelled")
        else -> error
    }

    /** Cancels every task (each reports `CANCELLED`) and waits for them while the loops still run, then stops the transport. */
    override fun close() {
        try {
            runBlocking { tasks.cancelAndJoin() }
        } finally {
            transport.close()
        }
    }

    /**
     * Runs a coroutine on one of `loops`: in place when it is resumed on one of them already (a page's
     * callback runs on its channel's loop), otherwise handed to the next loop in turn.
     */
    internal class LoopDispatcher(private val loops: EventLoopGroup) : CoroutineDispatcher() {
        private val each: Array<EventExecutor> = loops.toList().toTypedArray()

        override fun isDispatchNeeded(context: CoroutineContext): Boolean {
            for (loop in each) {
                if (loop.inEventLoop()) return false
            }
            return true
        }

        override fun dispatch(context: CoroutineContext, block: Runnable) = loops.execute(block)
    }

    companion object {
        /**
         * One page: suspends until the transport's callback resumes it; cancelling the coroutine
         * closes the connection. The inertness benchmark's `async` downloads through it too.
         */
        internal suspend fun page(transport: NettyTransport, request: PageRequest): Page =
            suspendCancellableCoroutine { continuation ->
                val call = transport.get(request, object : PageCallback {
                    override fun onPage(page: Page) = continuation.resume(page)
                    override fun onError(error: PageDownloadException) = continuation.resumeWithException(error)
                })
                continuation.invokeOnCancellation { call.cancel() }
            }
    }
}

/**
 * The coroutine side of the per-model microbenchmarks in `dev.whyasync.bench` (spawn, switch, idle
 * tasks, inertness), which Java cannot write because they suspend. Each function is the coroutine
 * idiom for one unit of concurrency, run in a scope the benchmark owns; a function that a Java
 * thread must wait for returns a `CompletableFuture`, so that only that one hand-off crosses to a
 * platform thread and the coroutines join each other natively.
 */
object CoroutinePrimitives {

    /** A scope on `loops`, dispatched as the model dispatches, whose coroutines are independent children of one supervisor. */
    @JvmStatic
    fun scope(loops: EventLoopGroup): CoroutineScope =
        CoroutineScope(SupervisorJob() + CoroutinesModel.LoopDispatcher(loops))

    /** Cancels every coroutine of the scope and waits until they have ended. */
    @JvmStatic
    fun cancelAndJoin(scope: CoroutineScope) = runBlocking {
        scope.coroutineContext[kotlinx.coroutines.Job]!!.cancelAndJoin()
    }

    /** One coroutine that `count` times launches a child running `work` and joins it. */
    @JvmStatic
    fun launchAndJoin(scope: CoroutineScope, count: Int, work: Runnable): java.util.concurrent.CompletableFuture<Unit> =
        completion(scope.launch { repeat(count) { launch { work.run() }.join() } })

    /**
     * Two coroutines pass a number back and forth `roundTrips` times over rendezvous channels; the
     * future completes with the number of hand-offs, two per round trip.
     */
    @JvmStatic
    fun pingPong(scope: CoroutineScope, roundTrips: Int): java.util.concurrent.CompletableFuture<Int> {
        var handOffs = 0
        val game = scope.launch {
            val ping = kotlinx.coroutines.channels.Channel<Int>()
            val pong = kotlinx.coroutines.channels.Channel<Int>()
            launch { repeat(roundTrips) { pong.send(ping.receive() + 1) } }
            repeat(roundTrips) {
                ping.send(handOffs + 1)
                handOffs = pong.receive()
            }
        }
        return completion(game).thenApply { handOffs }
    }

    /** `count` events, each for one idle coroutine to wait on. */
    @JvmStatic
    fun events(count: Int): Array<kotlinx.coroutines.CompletableDeferred<Unit>> =
        Array(count) { kotlinx.coroutines.CompletableDeferred<Unit>() }

    /**
     * One coroutine per event, suspended on it: each starts undispatched, on the caller's thread, and
     * has suspended by the time this returns. The returned future completes when every one has ended.
     */
    @JvmStatic
    fun awaitEach(scope: CoroutineScope, events: Array<kotlinx.coroutines.CompletableDeferred<Unit>>):
            java.util.concurrent.CompletableFuture<Unit> =
        completion(scope.launch(start = CoroutineStart.UNDISPATCHED) {
            for (event in events) {
                launch(start = CoroutineStart.UNDISPATCHED) { event.await() }
            }
        })

    /** Completes every event, which resumes the coroutine waiting on it. */
    @JvmStatic
    fun release(events: Array<kotlinx.coroutines.CompletableDeferred<Unit>>) {
        events.forEach { it.complete(Unit) }
    }

    /** A page download as `async`: eager by default, inert until awaited with `CoroutineStart.LAZY`. */
    @JvmStatic
    fun download(scope: CoroutineScope, transport: NettyTransport, request: PageRequest, lazy: Boolean):
            kotlinx.coroutines.Deferred<Page> =
        scope.async(start = if (lazy) CoroutineStart.LAZY else CoroutineStart.DEFAULT) { CoroutinesModel.page(transport, request) }

    /** Awaits a download from a Java thread; awaiting is what starts a lazy one. */
    @JvmStatic
    fun await(download: kotlinx.coroutines.Deferred<Page>): Page = runBlocking { download.await() }

    private fun completion(job: kotlinx.coroutines.Job): java.util.concurrent.CompletableFuture<Unit> {
        val done = java.util.concurrent.CompletableFuture<Unit>()
        job.invokeOnCompletion { cause -> if (cause == null) done.complete(Unit) else done.completeExceptionally(cause) }
        return done
    }
}
