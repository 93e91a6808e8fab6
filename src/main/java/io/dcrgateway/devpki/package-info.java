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
 * <p>{@link io.dcrgateway.devpki.SoftwareStatementMinter} and
 * {@link io.dcrgateway.devpki.RequestJwtMinter} mint the tokens a registration carries: software
 * statements signed by the dev directory key (Open Finance Brasil or UK Open Banking claims) and UK
 * registration request JWTs signed by a client's own key. Both start honest and let a test change,
 * drop or mis-sign any part ({@link io.dcrgateway.devpki.JwsMinter}); {@code MintSsaCommand} exposes
 * them as {@code mint-ssa}.
 *
 * <p>Nothing here is for production trust: keys are generated unencrypted on the local disk.
 */
package io.dcrgateway.devpki;
