package dev.whyasync.cli;

import dev.whyasync.fixture.Fault;
import dev.whyasync.fixture.FixtureStartException;
import dev.whyasync.fixture.PageServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code fixture}: the page server alone, so that clients on another host can target it. The host
 * and port are checked before Netty starts, so that a taken port or a mistyped host is one clear
 * line rather than a bind error from deep inside an event loop.
 */
final class FixtureCommand {
    static final String DEFAULT_HOST = "127.0.0.1";
    static final int DEFAULT_PORT = 8080;
    private static final int MAX_IO_THREADS = 1024;

    static final List<Flag> FLAGS = List.of(
            Flag.valued("--host", "host", "address to listen on (default " + DEFAULT_HOST + "; 0.0.0.0 for every interface)"),
            Flag.valued("--port", "port", "TCP port, 0 for any free one (default " + DEFAULT_PORT + ")"),
            Flag.valued("--io-threads", "n", "event-loop threads, 0 for one per core (default 0)"),
            Flag.valued("--fault", "name", "answer every page with this fault: hang, length, 500, ... (default none)"));

    static final Command COMMAND = Command.of("fixture", "fixture [--host <host>] [--port <port>] [--io-threads <n>] [--fault <name>]",
            "run the page server alone, for clients on another host",
            """
            Serves /page/<n>?size=&delay= over HTTP/1.1 with keep-alive, the same server the \
            benchmarks start in their own JVM. Prints 'whyasync fixture listening on http://HOST:PORT' \
            when ready and serves until stopped (Ctrl-C). Check it from the client's host with \
            'whyasync check --target http://HOST:PORT', then point the benchmarks at it with \
            -p target=http://HOST:PORT. With --fault it is a broken server on purpose: every page \
            request that names no fault of its own gets that one (hang: half the body, then silence; \
            length: a Content-Length one byte above the page's size), to see how 'check' copes.""",
            FLAGS, FixtureCommand::run);

    private FixtureCommand() {
    }

    static int run(List<String> args, Output io) {
        Arguments arguments = Arguments.parse("fixture", FLAGS, args).withoutPositionals();
        String host = arguments.string("--host", DEFAULT_HOST);
        int port = arguments.integer("--port", DEFAULT_PORT, 0, 65_535);
        int ioThreads = arguments.integer("--io-threads", 0, 0, MAX_IO_THREADS);
        Fault everyPage = fault(arguments.string("--fault", Fault.NONE.query()));
        InetAddress address = resolve(host);
        if (port != 0) {
            checkFree(address, host, port, "--host", "--port");
        }
        try {
            PageServer.serve(host, port, ioThreads, everyPage, false, io.out());
        } catch (FixtureStartException e) {
            throw new UsageException(e.getMessage(), e);
        }
        return Main.OK;
    }

    private static Fault fault(String name) {
        try {
            return Fault.parse(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException("bad value '" + name + "' for --fault of fixture; known: " + faultNames(), e);
        }
    }

    private static String faultNames() {
        return Arrays.stream(Fault.values()).map(Fault::query).collect(Collectors.joining(", "));
    }

    private static InetAddress resolve(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new UsageException("unknown host '" + host + "' for --host of fixture; give a name this machine resolves "
                    + "or an address such as " + DEFAULT_HOST, e);
        }
    }

    /**
     * Binds the port for a moment: the only reliable test of whether it can be bound. The flags named
     * in the messages are the command's own: {@code --host} and {@code --port} here.
     */
    static void checkFree(InetAddress address, String host, int port, String hostFlag, String portFlag) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(address, port));
        } catch (IOException e) {
            String reason = String.valueOf(e.getMessage());
            if (reason.toLowerCase(Locale.ROOT).contains("in use")) {
                throw new UsageException("port " + port + " on " + host + " is already in use; stop what listens there "
                        + "or choose another with " + portFlag + " (0 picks a free one)", e);
            }
            throw new UsageException("cannot listen on " + host + ":" + port + " (" + reason + "); give " + hostFlag
                    + " an address of this machine, such as " + DEFAULT_HOST + " or 0.0.0.0, and " + portFlag
                    + " above 1023 unless root", e);
        }
    }
}
