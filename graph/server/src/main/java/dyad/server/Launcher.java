package dyad.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.server.CommunityBootstrapper;

/**
 * Runs a Neo4j 5.26 Community server in this JVM: the packaged server's own bootstrapper
 * (Bolt, and HTTP with Neo4j Browser when enabled), configured entirely from arguments.
 *
 * <p>Usage: {@code Launcher HOME [setting=value ...]}. Settings are Neo4j's own names, for
 * example {@code server.bolt.listen_address=127.0.0.1:7687}. The process exits non-zero when
 * the server cannot start, and shuts the server down cleanly on SIGTERM or SIGINT. With
 * {@code -Ddyad.parent.pid=PID} it also shuts down when that process is gone (test runs that
 * die must not leave servers behind).
 */
public final class Launcher {
    private Launcher() {}

    private static void watchParent() {
        String parent = System.getProperty("dyad.parent.pid");
        if (parent == null || parent.isBlank()) {
            return;
        }
        long pid = Long.parseLong(parent.trim());
        Thread watcher = new Thread(() -> {
            while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.err.println("parent process " + pid + " is gone; shutting down");
            System.exit(0);
        }, "dyad-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: Launcher HOME [setting=value ...]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(home.resolve("conf"));
        Path conf = home.resolve("conf").resolve("neo4j.conf");
        if (!Files.exists(conf)) {
            Files.writeString(conf, "# settings come from the launcher's arguments\n");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq <= 0) {
                System.err.println("not a setting=value pair: " + args[i]);
                System.exit(2);
            }
            settings.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        CommunityBootstrapper bootstrapper = new CommunityBootstrapper();
        int status = bootstrapper.start(home, conf, settings, false, false);
        if (status != 0) {
            System.err.println("Neo4j failed to start, status " + status);
            System.exit(status);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            bootstrapper.stop();
            stopped.countDown();
        }, "dyad-neo4j-shutdown"));
        watchParent();
        System.out.println("DYAD-NEO4J-STARTED");
        System.out.flush();
        stopped.await();
    }
}
