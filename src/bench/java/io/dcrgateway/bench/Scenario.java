package io.dcrgateway.bench;

import io.dcrgateway.devpki.DevPkiLayout;

/**
 * What the benchmark measures, in the order it runs. Each scenario runs against the gateway and
 * against nginx in the same run, with the same certificate, connections and bodies.
 */
enum Scenario {

  /** 1. Valid OFB registrations, connections reused: the PS256 check and the rules per request. */
  REGISTER_KEEPALIVE("register, keep-alive", DevPkiLayout.OFB_TPP1_A, true, Body.FRESH_STATEMENT, 201, 201,
      Floor.KEEP_ALIVE),
  /** 2. The same, a new connection and a full mutual-TLS handshake per request. */
  REGISTER_NEW_TLS("register, new TLS each", DevPkiLayout.OFB_TPP1_A, false, Body.FRESH_STATEMENT, 201, 201,
      Floor.NEW_CONNECTION),
  /** 3a. Statements with the directory's kid but another key's signature (nginx does not look). */
  BAD_SIGNATURE_KEEPALIVE("bad SSA signature, keep-alive", DevPkiLayout.OFB_TPP1_A, true, Body.BAD_SIGNATURE, 400,
      201, Floor.KEEP_ALIVE),
  /** 3b. The forged certificate (same subject, issuer and serial, rogue CA), a new connection each. */
  FORGED_CERTIFICATE_NEW_TLS("forged certificate, new TLS each", DevPkiLayout.FORGED, false, Body.ANY, 401, 400,
      Floor.NEW_CONNECTION),
  /** 4. RFC 7592 read of a client the software registered, by its other certificate. */
  READ_KEEPALIVE("RFC 7592 GET, keep-alive", DevPkiLayout.OFB_TPP1_B, true, Body.READ, 200, 200, Floor.NONE),
  /** Scenario 1 paced at half the gateway's rate in this run: latency below saturation. */
  REGISTER_HALF_LOAD("register, keep-alive, half load", DevPkiLayout.OFB_TPP1_A, true, Body.FRESH_STATEMENT, 201, 201,
      Floor.KEEP_ALIVE),
  /**
   * Scenario 1 paced at a tenth of the gateway's rate, first alone, then while forged-certificate
   * handshakes (scenario 3b) arrive at half the gateway's rate of registrations on new
   * connections, the same flood for both servers: whether a TPP already connected still
   * registers, and how late, while the server is flooded.
   */
  REGISTER_UNDER_FLOOD("register, keep-alive, a tenth of the load, under a handshake flood", DevPkiLayout.OFB_TPP1_A,
      true, Body.FRESH_STATEMENT, 201, 201, Floor.NONE);

  /** What the requests carry. */
  enum Body { FRESH_STATEMENT, BAD_SIGNATURE, ANY, READ }

  /** Which crypto floor applies. */
  enum Floor { KEEP_ALIVE, NEW_CONNECTION, NONE }

  private final String title;
  private final String client;
  private final boolean keepAlive;
  private final Body body;
  private final int gatewayStatus;
  private final int nginxStatus;
  private final Floor floor;

  Scenario(String title, String client, boolean keepAlive, Body body, int gatewayStatus, int nginxStatus, Floor floor) {
    this.title = title;
    this.client = client;
    this.keepAlive = keepAlive;
    this.body = body;
    this.gatewayStatus = gatewayStatus;
    this.nginxStatus = nginxStatus;
    this.floor = floor;
  }

  String title() {
    return title;
  }

  String client() {
    return client;
  }

  boolean keepAlive() {
    return keepAlive;
  }

  Body body() {
    return body;
  }

  int expectedStatus(boolean gateway) {
    return gateway ? gatewayStatus : nginxStatus;
  }

  Floor floor() {
    return floor;
  }

  /** Requests due at a fixed rate rather than as fast as the server answers. */
  boolean paced() {
    return this == REGISTER_HALF_LOAD || this == REGISTER_UNDER_FLOOD;
  }

  /** The paced rate as a share of the gateway's keep-alive registration rate in this run. */
  double shareOfKeepAliveRate() {
    return this == REGISTER_UNDER_FLOOD ? 0.1 : this == REGISTER_HALF_LOAD ? 0.5 : 1;
  }

  /** Measured while forged-certificate handshakes flood the server (and first without them). */
  boolean flooded() {
    return this == REGISTER_UNDER_FLOOD;
  }
}
