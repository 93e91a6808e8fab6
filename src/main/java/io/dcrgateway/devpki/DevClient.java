package io.dcrgateway.devpki;

import com.nimbusds.jose.jwk.RSAKey;

/**
 * One dev client certificate, the directory identity it stands for, and the key its software
 * signs UK registration requests with (UK-03; {@code signingKey} is private, PS256). {@code cnpj}
 * is null for the UK layout, which has no company registry number in its DN.
 */
public record DevClient(
    String name,
    SubjectLayout layout,
    String description,
    String softwareId,
    String orgId,
    String cnpj,
    IssuedCertificate issued,
    RSAKey signingKey) {
}
