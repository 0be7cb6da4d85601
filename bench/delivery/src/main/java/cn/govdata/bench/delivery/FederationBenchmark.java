package cn.govdata.bench.delivery;

import cn.govdata.governance.directory.ResourceCode;
import cn.govdata.governance.exchange.CanonicalJson;
import cn.govdata.governance.exchange.DeliveryManifest;
import cn.govdata.governance.exchange.ExchangeLog;
import cn.govdata.governance.exchange.ManifestField;
import cn.govdata.governance.exchange.ManifestFile;
import cn.govdata.governance.exchange.NodeKey;
import cn.govdata.governance.exchange.Receipt;
import cn.govdata.governance.exchange.Signed;
import cn.govdata.pipelines.delivery.DeliveryTarget.FileDrop;
import cn.govdata.pipelines.delivery.DeliveryTarget.FileFormat;
import cn.govdata.pipelines.delivery.DeliveryTarget.PeerNode;
import cn.govdata.pipelines.delivery.Faults;
import cn.govdata.pipelines.exchange.ExchangeAgent;
import cn.govdata.pipelines.exchange.NodeCertificates;
import cn.govdata.pipelines.exchange.NodeCertificates.Authority;
import cn.govdata.pipelines.exchange.NodeCertificates.NodeCertificate;
import cn.govdata.pipelines.exchange.NodeHome;
import cn.govdata.pipelines.exchange.NodeTls;
import cn.govdata.pipelines.exchange.PeerNodeReceiver;
import cn.govdata.pipelines.exchange.PeerRegistry;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Node to node on loopback: a province's delivery of about 1 GB of CSV files to a city's exchange
 * agent over mutual TLS, with everything a delivery does on the wire — the sender's SHA-256 of each
 * file for the signed manifest, the upload, the agent hashing each file as it streams to disk, the
 * signature and checksum checks, the signed receipt and its verification, the agent's exchange-log
 * entries — against copying the same bytes over a plain TCP socket on loopback ({@code
 * FileChannel.transferTo} into a socket, {@code transferFrom} into a file on the other side), in
 * the same run, and against the plain tool of the wording, socat, copying each file from a
 * sender process to a listener process over loopback (when socat is on the PATH). The target, 0.7,
 * is stated against socat; the zero-copy Java copy is the stricter bound and is printed beside it.
 * The files are generated first (not timed); Spark's writing of a table into files is measured by
 * {@link DeliveryBenchmark}.
 *
 * <p>Arguments: megabytes (default 1024), files (default 8), rounds (default 3). Each side runs
 * that many rounds, interleaved, after a 64 MB warm-up; the figures are each side's best round, and
 * every round is printed with the process's CPU time (both ends of either transfer run in this
 * process), so that the spread shows. Everything lies in a temporary directory that is removed.
 */
public final class FederationBenchmark {

  private static final String PASSWORD = "changeit";

  private FederationBenchmark() {}

  public static void main(String[] args) throws Exception {
    long megabytes = args.length > 0 ? Long.parseLong(args[0]) : 1024;
    int files = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Path work = Files.createTempDirectory("govdata-federation-bench");
    try {
      run(work, megabytes, files, rounds);
    } finally {
      try (Stream<Path> paths = Files.walk(work)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void run(Path work, long megabytes, int files, int rounds) throws Exception {
    Path certificates = Files.createDirectories(work.resolve("certificates"));
    Authority zone = NodeCertificates.authority(certificates, "bench-zone", PASSWORD);
    NodeCertificate provinceCertificate = NodeCertificates.node(zone, certificates, "gd-province");
    NodeCertificate cityCertificate = NodeCertificates.node(zone, certificates, "fs-city");
    NodeHome province = new NodeHome(work.resolve("province"));
    NodeHome city = new NodeHome(work.resolve("city"));
    NodeKey provinceKey = province.nodeKey("gd-province");
    NodeKey cityKey = city.nodeKey("fs-city");
    peers(city, "gd-province", URI.create("https://127.0.0.1:9"), provinceKey, provinceCertificate);
    peers(province, "fs-city", URI.create("https://127.0.0.1:9"), cityKey, cityCertificate);
    NodeTls cityTls = tls(cityCertificate, city);
    NodeTls provinceTls = tls(provinceCertificate, province);

    try (ExchangeLog cityLog = ExchangeLog.open(city.inboundLog(), cityKey, Clock.systemUTC());
        ExchangeAgent agent =
            new ExchangeAgent(cityKey, cityTls, cityLog, city.directory(), Clock.systemUTC())
                .start(new InetSocketAddress("127.0.0.1", 0));
        PlainSink sink = new PlainSink(work.resolve("plain-received"))) {
      URI cityUrl = URI.create("https://127.0.0.1:" + agent.port());
      peers(province, "fs-city", cityUrl, cityKey, cityCertificate);
      Path outbox = province.outbox();

      generate(outbox.resolve("warm-up"), 64, 2);
      deliver(outbox, "warm-up", provinceKey, provinceTls, cityUrl, cityKey);
      sink.copy(outbox.resolve("warm-up"));

      long bytes = generate(outbox.resolve("data"), megabytes, files);
      System.out.printf(
          "dataset: %d CSV files, %.1f MiB, generated in %s%n", files, bytes / 1048576.0, outbox);
      Optional<Path> socat = onPath("socat");
      if (socat.isEmpty()) {
        System.out.println("socat is not on the PATH: no plain-tool baseline, only the Java copy");
      }
      long bestTool = Long.MAX_VALUE;
      long bestPlain = Long.MAX_VALUE;
      long bestDelivery = Long.MAX_VALUE;
      for (int round = 1; round <= rounds; round++) {
        long cpu = cpuNanos();
        long started = System.nanoTime();
        sink.copy(outbox.resolve("data"));
        long plain = System.nanoTime() - started;
        long plainCpu = cpuNanos() - cpu;
        sink.clear();

        long tool = -1;
        if (socat.isPresent()) {
          started = System.nanoTime();
          socatCopy(socat.get(), outbox.resolve("data"), work.resolve("socat-received"));
          tool = System.nanoTime() - started;
          delete(work.resolve("socat-received"));
          bestTool = Math.min(bestTool, tool);
        }

        cpu = cpuNanos();
        started = System.nanoTime();
        deliver(outbox, "data", provinceKey, provinceTls, cityUrl, cityKey);
        long delivery = System.nanoTime() - started;
        long deliveryCpu = cpuNanos() - cpu;
        // the city's copy is removed, so that the next round is received afresh under the same id
        delete(ExchangeAgent.receivedDirectory(city.directory(), "gd-province", "data"));
        Files.deleteIfExists(outbox.resolve("data").resolve("receipt.json"));
        if (tool >= 0) {
          System.out.printf(
              "round %d: socat (plain tool)    %6.2f s %8.1f MiB/s%n",
              round, tool / 1e9, rate(bytes, tool));
        }
        System.out.printf(
            "round %d: plain socket copy %6.2f s %8.1f MiB/s (CPU %.2f s) | delivery through the"
                + " agents %6.2f s %8.1f MiB/s (CPU %.2f s)%n",
            round,
            plain / 1e9,
            rate(bytes, plain),
            plainCpu / 1e9,
            delivery / 1e9,
            rate(bytes, delivery),
            deliveryCpu / 1e9);
        bestPlain = Math.min(bestPlain, plain);
        bestDelivery = Math.min(bestDelivery, delivery);
      }
      System.out.printf(
          "best: zero-copy Java socket copy %.1f MiB/s, delivery %.1f MiB/s, ratio %.2f%n",
          rate(bytes, bestPlain), rate(bytes, bestDelivery), (double) bestPlain / bestDelivery);
      if (socat.isPresent()) {
        System.out.printf(
            "best: socat %.1f MiB/s, delivery %.1f MiB/s, ratio %.2f (target >= 0.70)%n",
            rate(bytes, bestTool), rate(bytes, bestDelivery), (double) bestTool / bestDelivery);
      }
    }
  }

  /**
   * One delivery of the files under {@code outbox/<id>}: hash each for the manifest, sign it, send
   * through the city's agent, verify the signed receipt.
   */
  private static void deliver(
      Path outbox, String id, NodeKey provinceKey, NodeTls tls, URI cityUrl, NodeKey cityKey)
      throws IOException {
    Path directory = outbox.resolve(id);
    long started = System.nanoTime();
    List<ManifestFile> described;
    try (Stream<Path> listed = Files.list(directory)) {
      described =
          ManifestFile.ofAll(
              directory, listed.filter(p -> p.toString().endsWith(".csv")).sorted().toList());
    }
    long bytes = described.stream().mapToLong(ManifestFile::bytes).sum();
    DeliveryManifest manifest =
        new DeliveryManifest(
            id,
            ResourceCode.parse("101101/000001", "resource"),
            "1",
            null,
            List.of(new ManifestField("line", "string")),
            0,
            bytes,
            described,
            List.of("bench"),
            "gd-province",
            "fs-city",
            Instant.now());
    long hashed = System.nanoTime();
    PeerNode target = new PeerNode(cityUrl, "fs-city", new FileDrop(outbox, FileFormat.CSV));
    Signed<Receipt> receipt =
        new PeerNodeReceiver(target, tls, Faults.NONE, Duration.ofMinutes(30))
            .receive(Signed.sign(manifest, provinceKey));
    if (!Receipt.verify(receipt, cityKey.publicKey(), manifest).isAccepted()) {
      throw new IllegalStateException("the city rejected " + id + ": " + receipt);
    }
    System.out.printf(
        "  (%s: sender's SHA-256 %.2f s, upload, checks and receipt %.2f s)%n",
        id, (hashed - started) / 1e9, (System.nanoTime() - hashed) / 1e9);
  }

  /** CSV-like generated lines (not compressible to nothing), {@code files} files. */
  private static long generate(Path directory, long megabytes, int files) throws IOException {
    Files.createDirectories(directory);
    Random random = new Random(42);
    long perFile = megabytes * 1048576 / files;
    long total = 0;
    for (int f = 0; f < files; f++) {
      Path file = directory.resolve(String.format("part-%05d.csv", f));
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
        long written = 0;
        long id = (long) f * perFile;
        while (written < perFile) {
          byte[] line =
              (id++
                      + ",测试"
                      + random.nextInt(1_000_000)
                      + ",4406"
                      + (10 + random.nextInt(89))
                      + ",19"
                      + (50 + random.nextInt(50))
                      + "-0"
                      + (1 + random.nextInt(9))
                      + "-1"
                      + random.nextInt(10)
                      + ",广东省佛山市测试路"
                      + random.nextInt(9973)
                      + "号\n")
                  .getBytes(StandardCharsets.UTF_8);
          out.write(line);
          written += line.length;
        }
        total += written;
      }
    }
    return total;
  }

  /**
   * The plain baseline: a TCP server on loopback that writes what it receives into files; each file
   * goes over its own connection as name, length, bytes.
   */
  private static final class PlainSink implements AutoCloseable {
    private final Path directory;
    private final ServerSocketChannel server;
    private final Thread thread;

    PlainSink(Path directory) throws IOException {
      this.directory = Files.createDirectories(directory);
      server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
      thread = new Thread(this::serve, "plain-sink");
      thread.setDaemon(true);
      thread.start();
    }

    private void serve() {
      while (server.isOpen()) {
        try (SocketChannel socket = server.accept();
            DataInputStream in =
                new DataInputStream(java.nio.channels.Channels.newInputStream(socket))) {
          String name = in.readUTF();
          long length = in.readLong();
          try (FileChannel file =
              FileChannel.open(
                  directory.resolve(name),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE,
                  StandardOpenOption.TRUNCATE_EXISTING)) {
            long done = 0;
            while (done < length) {
              done += file.transferFrom(socket, done, length - done);
            }
          }
          socket.write(java.nio.ByteBuffer.wrap(new byte[] {1}));
        } catch (IOException e) {
          if (server.isOpen()) {
            e.printStackTrace();
          }
        }
      }
    }

    void copy(Path source) throws IOException {
      try (Stream<Path> listed = Files.list(source)) {
        for (Path file : listed.sorted().toList()) {
          try (SocketChannel socket = SocketChannel.open(server.getLocalAddress());
              FileChannel in = FileChannel.open(file)) {
            var header = new java.io.ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(header)) {
              out.writeUTF(file.getFileName().toString());
              out.writeLong(in.size());
            }
            socket.write(java.nio.ByteBuffer.wrap(header.toByteArray()));
            long done = 0;
            while (done < in.size()) {
              done += in.transferTo(done, in.size() - done, socket);
            }
            socket.read(java.nio.ByteBuffer.allocate(1)); // the sink's acknowledgement
          }
        }
      }
    }

    void clear() throws IOException {
      try (Stream<Path> listed = Files.list(directory)) {
        for (Path file : listed.toList()) {
          Files.delete(file);
        }
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }

  /**
   * The plain tool of the comparison: each file through a pair of socat processes on loopback, a
   * listener writing into {@code target} and a sender reading from {@code source}, one after the
   * other, as an operator would copy them by hand.
   */
  private static void socatCopy(Path socat, Path source, Path target)
      throws IOException, InterruptedException {
    Files.createDirectories(target);
    try (Stream<Path> listed = Files.list(source)) {
      for (Path file : listed.sorted().toList()) {
        int port;
        try (ServerSocketChannel probe =
            ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
          port = ((InetSocketAddress) probe.getLocalAddress()).getPort();
        }
        Process listener =
            new ProcessBuilder(
                    socat.toString(),
                    "-u",
                    "TCP-LISTEN:" + port + ",bind=127.0.0.1,reuseaddr",
                    "OPEN:" + target.resolve(file.getFileName()) + ",creat,trunc")
                .inheritIO()
                .start();
        Process sender =
            new ProcessBuilder(
                    socat.toString(),
                    "-u",
                    "OPEN:" + file + ",rdonly",
                    "TCP:127.0.0.1:" + port + ",retry=500,interval=0.01")
                .inheritIO()
                .start();
        if (sender.waitFor() != 0 || listener.waitFor() != 0) {
          throw new IllegalStateException("socat failed to copy " + file);
        }
      }
    }
  }

  private static Optional<Path> onPath(String command) {
    for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(directory, command);
      if (!directory.isEmpty() && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static void peers(
      NodeHome home, String nodeId, URI url, NodeKey key, NodeCertificate certificate)
      throws IOException {
    Map<String, Object> peer = new LinkedHashMap<>();
    peer.put("nodeId", nodeId);
    peer.put("exchangeUrl", url.toString());
    peer.put("publicKey", key.publicKeyText());
    peer.put("certificatePem", certificate.certificatePem());
    peer.put("enabled", true);
    Files.createDirectories(home.peers().getParent());
    Files.writeString(home.peers(), CanonicalJson.write(List.of(peer)));
  }

  private static NodeTls tls(NodeCertificate certificate, NodeHome home) {
    return NodeTls.load(
        certificate.keystore(),
        PASSWORD.toCharArray(),
        new PeerRegistry(home.peers()),
        Clock.systemUTC());
  }

  private static void delete(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** CPU time of this process, both nodes and the plain copy's two ends, all threads. */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double rate(long bytes, long nanos) {
    return bytes / 1048576.0 / (nanos / 1e9);
  }
}
