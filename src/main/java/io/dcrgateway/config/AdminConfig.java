package io.dcrgateway.config;

/** The operators' listener: health now, metrics later. Plain HTTP, loopback by default. */
public record AdminConfig(boolean enabled, String host, int port) {
}
