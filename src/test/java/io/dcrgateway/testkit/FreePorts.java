package io.dcrgateway.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Loopback ports free right now. Several for one test are chosen while all are held open, so
 * they differ: two separate binds to port 0 may be handed the same port once the first is closed
 * (a listener and an admin port on one port failed a CI run's config check).
 */
public final class FreePorts {

  private FreePorts() {
  }

  public static int one() {
    return distinct(1)[0];
  }

  public static int[] distinct(int count) {
    List<ServerSocket> held = new ArrayList<>(count);
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        held.add(socket);
        ports[i] = socket.getLocalPort();
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    } finally {
      for (ServerSocket socket : held) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // closing a bound, unconnected socket: nothing to lose
        }
      }
    }
  }
}
