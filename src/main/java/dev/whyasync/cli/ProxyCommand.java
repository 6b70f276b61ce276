package dev.whyasync.cli;

import dev.whyasync.fixture.DelayProxy;
import dev.whyasync.fixture.LinkShape;
import dev.whyasync.fixture.ProxyStartException;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

/**
 * {@code proxy}: the delay proxy alone, between clients and a server on another host or namespace,
 * where the kernel has no {@code netem} to delay the link itself. The listening address is checked
 * before the proxy starts, so that a taken port is one clear line.
 */
final class ProxyCommand {
    static final String DEFAULT_LISTEN = "127.0.0.1:8081";
    private static final long MAX_BANDWIDTH = 100_000_000_000L;

    static final List<Flag> FLAGS = List.of(
            Flag.valued("--target", "host:port", "where connections go: host:port or http://host:port (required)"),
            Flag.valued("--listen", "host:port", "where clients connect (default " + DEFAULT_LISTEN + "; port 0: any free one)"),
            Flag.valued("--delay", "ms", "delay of each chunk, each way (default 0)"),
            Flag.valued("--bandwidth", "bytes/s", "cap of each direction, all connections together; 0: none (default 0)"));

    static final Command COMMAND = Command.of("proxy",
            "proxy --target <host:port> [--listen <host:port>] [--delay <ms>] [--bandwidth <B/s>]",
            "a TCP proxy that adds network delay and a bandwidth cap",
            """
            Forwards every connection to the target, holding each chunk for the delay in each direction \
            and capping each direction's bytes per second (NetCrusher, one reactor thread). Prints \
            'whyasync proxy listening on HOST:PORT -> TARGET, ...' when ready and runs until stopped \
            (Ctrl-C). Point clients at it: 'whyasync check --target http://HOST:PORT'. Benchmarks start \
            their own with -p netDelay=<ms> -p bandwidth=<bytes/s>; where the kernel has netem, \
            scripts/netns up --delay puts the delay on the link instead.""",
            FLAGS, ProxyCommand::run);

    private ProxyCommand() {
    }

    static int run(List<String> args, Output io) {
        Arguments arguments = Arguments.parse("proxy", FLAGS, args).withoutPositionals();
        String targetText = arguments.string("--target", null);
        if (targetText == null) {
            throw new UsageException("proxy needs --target <host:port>, the server it forwards to " + Arguments.seeHelp("proxy"));
        }
        InetSocketAddress named = address("--target", targetText);
        InetSocketAddress target = new InetSocketAddress(named.getHostString(), named.getPort());
        if (target.isUnresolved() || target.getPort() == 0) {
            throw new UsageException("cannot forward to '" + targetText + "': " + (target.getPort() == 0 ? "give its port"
                    : "unknown host " + named.getHostString()) + " " + Arguments.seeHelp("proxy"));
        }
        InetSocketAddress listen = address("--listen", arguments.string("--listen", DEFAULT_LISTEN));
        int delay = arguments.integer("--delay", 0, 0, LinkShape.MAX_DELAY_MS);
        long bandwidth = bandwidth(arguments.string("--bandwidth", "0"));
        InetAddress listenAddress = resolve(listen.getHostString());
        if (listen.getPort() != 0) {
            FixtureCommand.checkFree(listenAddress, listen.getHostString(), listen.getPort(), "--listen", "--listen");
        }
        try {
            DelayProxy.serve(listen.getHostString(), listen.getPort(), target, new LinkShape(delay, bandwidth), false, io.out());
        } catch (ProxyStartException e) {
            throw new UsageException(e.getMessage(), e);
        }
        return Main.OK;
    }

    /** {@code host:port} or {@code http://host:port}; the port is required. */
    static InetSocketAddress address(String flag, String text) {
        URI uri;
        try {
            uri = URI.create(text.contains("://") ? text : "tcp://" + text);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || uri.getPort() < 0 || uri.getPort() > 65_535
                || (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/"))) {
            throw new UsageException("bad value '" + text + "' for " + flag + " of proxy: expected host:port, e.g. "
                    + DEFAULT_LISTEN + " " + Arguments.seeHelp("proxy"));
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        return InetSocketAddress.createUnresolved(host, uri.getPort());
    }

    private static long bandwidth(String text) {
        try {
            long value = Long.parseLong(text.trim());
            if (value == 0 || (value >= LinkShape.MIN_BYTES_PER_SECOND && value <= MAX_BANDWIDTH)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range the flag accepts
        }
        throw new UsageException("bad value '" + text + "' for --bandwidth of proxy: expected 0 (no cap) or bytes per "
                + "second from " + LinkShape.MIN_BYTES_PER_SECOND + " to " + MAX_BANDWIDTH + " " + Arguments.seeHelp("proxy"));
    }

    private static InetAddress resolve(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new UsageException("unknown host '" + host + "' for --listen of proxy; give an address of this machine "
                    + "such as 127.0.0.1 " + Arguments.seeHelp("proxy"), e);
        }
    }
}
