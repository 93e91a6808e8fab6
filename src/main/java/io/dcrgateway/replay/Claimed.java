package io.dcrgateway.replay;

/** A token id recorded as used, kept so the use can be released if the identity server refused. */
public record Claimed(String namespace, String id) {
}
