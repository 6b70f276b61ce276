package dev.whyasync.report.flame;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A CPU sample counts for the group of its innermost Java frame, whatever native or kernel frames
 * it called, or for GC or JIT when the converter classified its stack so; a model's runtime comes
 * before Netty and the JDK, and callbacks' runtime is Netty itself.
 */
class CpuSharesTest {
    private static final Collapsed STACKS = Collapsed.parse(Stream.of(
            "java/lang/Thread.run_[j];io/netty/channel/nio/NioIoHandler.run_[j];sun/nio/ch/EPoll.wait_[j];epoll_wait;"
                    + "do_syscall_64_[k] 40",
            "java/lang/Thread.run_[j];io/netty/channel/nio/NioIoHandler.run_[j];reactor/core/publisher/MonoZip$ZipCoordinator"
                    + ".signal_[i] 20",
            "java/lang/Thread.run_[j];io/netty/util/concurrent/SingleThreadEventExecutor.runAllTasks_[j] 10",
            "java/lang/Thread.run_[j];dev/whyasync/http/NettyExchange.begin_[1] 10",
            "[gc];thread_start;G1ParScanThreadState::trim_queue 15",
            "[jit];thread_start;C2Compiler::compile_method 4",
            "start_thread;VMThread::run 1",
            ""));

    @Test
    void eachSampleCountsForItsInnermostJavaFrame() {
        CpuShares reactive = CpuShares.of(STACKS, "reactive", 3);
        assertEquals(100, STACKS.total());
        assertEquals(20.0, reactive.percent().get(FrameGroup.RUNTIME));
        assertEquals(10.0, reactive.percent().get(FrameGroup.NETTY));
        assertEquals(40.0, reactive.percent().get(FrameGroup.JDK), "epoll_wait counts for the JDK method that called it");
        assertEquals(10.0, reactive.percent().get(FrameGroup.WHYASYNC));
        assertEquals(15.0, reactive.percent().get(FrameGroup.GC));
        assertEquals(4.0, reactive.percent().get(FrameGroup.JIT));
        assertEquals(1.0, reactive.percent().get(FrameGroup.OTHER));
        assertEquals(List.of(new CpuShares.TopFrame("sun.nio.ch.EPoll.wait", FrameGroup.JDK, 40.0),
                new CpuShares.TopFrame("reactor.core.publisher.MonoZip$ZipCoordinator.signal", FrameGroup.RUNTIME, 20.0),
                new CpuShares.TopFrame("io.netty.util.concurrent.SingleThreadEventExecutor.runAllTasks", FrameGroup.NETTY, 10.0)),
                reactive.top());
        assertEquals(20.0, reactive.metrics().get("flame.cpu.runtime"));
    }

    @Test
    void callbacksRuntimeIsNettyAndAnotherModelsRuntimeIsNot() {
        CpuShares callbacks = CpuShares.of(STACKS, "callbacks-1", 3);
        assertEquals(10.0, callbacks.percent().get(FrameGroup.RUNTIME), "a suffix names the same model");
        assertEquals(0.0, callbacks.percent().get(FrameGroup.NETTY));
        assertEquals(21.0, callbacks.percent().get(FrameGroup.OTHER), "Reactor is no runtime of callbacks: another library, with the VM");
        CpuShares sequential = CpuShares.of(STACKS, "sequential", 3);
        assertEquals(0.0, sequential.percent().get(FrameGroup.RUNTIME));
    }

    @Test
    void framesAboveAJavaFrameTakeItsColourAndAllocatedArraysTheirAllocators() {
        Collapsed.Stack stack = Collapsed.parse(Stream.of("java/lang/Thread.run_[j];dev/whyasync/model/Batch.start_[j];"
                + "byte[]_[i];memset 3")).stacks().get(0);
        assertEquals(List.of(FrameGroup.JDK, FrameGroup.WHYASYNC, FrameGroup.WHYASYNC, FrameGroup.WHYASYNC),
                stack.groups(List.of()));
    }
}
