/**
 * {@code dev-stack}: the whole path on one machine, for a first look and for demos. It starts a
 * real Keycloak (the unpacked server distribution, as a child process on loopback with the
 * {@code dcr} realm), the gateway in-process in front of it, and performs one Open Finance Brasil
 * registration and one certificate-bound token request through the gateway over mutual TLS with a
 * dev PKI certificate; then it keeps both running until Ctrl-C.
 *
 * <p>Everything here is blocking and runs on the command's own (main) thread, never on a Vert.x
 * event loop. Nothing here is for production: Keycloak runs {@code start-dev} with an in-memory
 * database and the dev PKI's keys sit unencrypted on disk.
 */
package io.dcrgateway.devstack;
