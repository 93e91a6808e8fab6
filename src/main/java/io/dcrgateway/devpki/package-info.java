/**
 * A development PKI for the gateway, minted with BouncyCastle.
 *
 * <p>{@link io.dcrgateway.devpki.CertificateIssuer} and {@link io.dcrgateway.devpki.CertificateForgery}
 * are the reusable parts: tests of other packages use them to mint exactly the certificate a
 * clause needs (expired, wrong EKU, weak key, forged). {@link io.dcrgateway.devpki.OfbSubject} and
 * {@link io.dcrgateway.devpki.UkTransportSubject} build the ecosystem subject DNs (SPEC Appendix D,
 * UK-17). {@link io.dcrgateway.devpki.DevPki} writes a whole dev ecosystem to a directory in the
 * layout {@link io.dcrgateway.devpki.DevPkiLayout} names, and {@code DevPkiCommand} exposes it as
 * {@code dev-pki}.
 *
 * <p>Nothing here is for production trust: keys are generated unencrypted on the local disk.
 */
package io.dcrgateway.devpki;
