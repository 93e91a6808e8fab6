package io.dcrgateway.devpki;

/**
 * One dev client certificate and the directory identity it stands for. {@code cnpj} is null for
 * the UK layout, which has no company registry number in its DN.
 */
public record DevClient(
    String name,
    SubjectLayout layout,
    String description,
    String softwareId,
    String orgId,
    String cnpj,
    IssuedCertificate issued) {
}
