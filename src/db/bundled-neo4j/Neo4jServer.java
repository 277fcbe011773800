// Runs Neo4j Community (from the jars in .neo4j/lib) as a Bolt server on 127.0.0.1.
// Compiled once into .neo4j/launcher-<hash>.jar by src/db/bundled-neo4j.ts (or run as a single source file without javac):
// java -cp '.neo4j/lib/*:.neo4j/launcher-<hash>.jar' Neo4jServer <home> <port> <conf> [<watch pid>]
// With a watch pid, the server stops itself (cleanly, through the shutdown hook) once that process is gone.
// Prints "NEO4J READY <uri>" once RETURN 1 has run, so scripts can wait for it.
import java.nio.file.Path;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

public class Neo4jServer {
  public static void main(String[] args) throws Exception {
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home);
    if (args.length > 2) builder.loadPropertiesFromFile(Path.of(args[2]));
    DatabaseManagementService dbms = builder
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
        .build();
    // The JVM runs shutdown hooks on SIGTERM/SIGINT: this closes the store cleanly (no lock left behind).
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("NEO4J STOPPING");
      dbms.shutdown();
      System.out.println("NEO4J STOPPED");
    }));
    try (var tx = dbms.database("neo4j").beginTx()) {
      tx.execute("RETURN 1").close();
      tx.commit();
    }
    if (args.length > 3) {
      long watched = Long.parseLong(args[3]);
      Thread watcher = new Thread(() -> {
        while (ProcessHandle.of(watched).map(ProcessHandle::isAlive).orElse(false)) {
          try {
            Thread.sleep(1000);
          } catch (InterruptedException e) {
            return;
          }
        }
        System.out.println("NEO4J WATCHED PROCESS " + watched + " GONE");
        System.exit(0);
      });
      watcher.setDaemon(true);
      watcher.start();
    }
    System.out.println("NEO4J READY bolt://127.0.0.1:" + port);
    Thread.currentThread().join();
  }
}
