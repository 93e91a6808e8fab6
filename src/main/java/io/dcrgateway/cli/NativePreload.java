package io.dcrgateway.cli;

import io.dcrgateway.crypto.PublicKeyCrypto;
import io.netty.handler.ssl.OpenSsl;

/**
 * The two native libraries a start links, each on a thread of its own while the main thread reads
 * the config and builds the trust material: BoringSSL (netty-tcnative loads it and runs its
 * self-test, about 250 ms) and AWS-LC (about 160 ms). On the main thread they were the largest
 * single items of a start. Whoever needs one first waits for its class initialisation, so nothing
 * is used half-loaded; a library that does not load is reported where it is chosen, as before.
 */
final class NativePreload {

  private NativePreload() {
  }

  static void start() {
    preload("dcr-preload-boringssl", OpenSsl::isAvailable);
    preload("dcr-preload-aws-lc", PublicKeyCrypto::preload);
  }

  private static void preload(String name, Runnable load) {
    Thread thread = new Thread(() -> {
      try {
        load.run();
      } catch (Throwable ignored) {
        // Reported, with its cause, by the code that chooses the library (config preflight).
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
  }
}
