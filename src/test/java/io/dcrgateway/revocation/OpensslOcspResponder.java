package io.dcrgateway.revocation;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real OCSP responder: {@code openssl ocsp} serving an index file on a port the kernel picks
 * (OpenSSL 3.0 binds every interface; the gateway asks it on 127.0.0.1),
 * signing with the given responder certificate. Started, waited for (the port accepts), stopped.
 */
final class OpensslOcspResponder implements AutoCloseable {

  private static final Pattern ACCEPT = Pattern.compile("ACCEPT \\S*:(\\d+) ");

  private final Process process;
  private final int port;

  private OpensslOcspResponder(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** @param extra further options, e.g. {@code -nmin 1} for answers with a nextUpdate a minute on */
  static OpensslOcspResponder start(Path index, Path issuingCa, Path signer, Path signerKey, Path log,
      String... extra) throws Exception {
    // Port 0: the kernel picks and openssl reports it ("ACCEPT [::]:port"), so no other process
    // can take a port between our choosing it and openssl binding it.
    List<String> command = new ArrayList<>(List.of("openssl", "ocsp", "-index", index.toString(),
        "-port", "0", "-CA", issuingCa.toString(), "-rsigner", signer.toString(),
        "-rkey", signerKey.toString(), "-ignore_err"));
    command.addAll(List.of(extra));
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    // Ready once it reports listening. Not by probing the port: the responder serves one
    // connection at a time, and a probe that connects and says nothing leaves it waiting on that
    // connection, deaf to the gateway.
    String output;
    Matcher accept;
    while (!(output = Files.readString(log)).contains("waiting for OCSP client connections")
        || !(accept = ACCEPT.matcher(output)).find()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        new OpensslOcspResponder(process, 0).close();
        throw new IllegalStateException("openssl ocsp did not start: " + output);
      }
      Thread.sleep(20);
    }
    return new OpensslOcspResponder(process, Integer.parseInt(accept.group(1)));
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  /** A URL where nothing listens: a responder that is down. */
  static URI nothingListening() throws IOException {
    return URI.create("http://127.0.0.1:" + freePort() + "/");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }
}
