package io.dcrgateway.ownership;

/** Which software of which organisation a client or a certificate belongs to. */
public record SoftwareIdentity(String softwareId, String orgId) {
}
