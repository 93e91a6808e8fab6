package io.dcrgateway.config;

import io.dcrgateway.config.ForwardingConfig.CertificateHeader;
import io.dcrgateway.config.ForwardingConfig.CertificateHeaderFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code forwarding:}, what the identity server learns about the TLS client. */
final class ForwardingReader {

  /**
   * Forwarding passes these on as they are: overwriting one with a certificate or stripping it
   * breaks the request (Authorization carries the RFC 7592 registration access token).
   */
  private static final Set<String> RESERVED =
      Set.of("host", "content-length", "content-type", "transfer-encoding", "connection", "authorization");
  private static final String RESERVED_LIST =
      "Host, Content-Length, Content-Type, Transfer-Encoding, Connection or Authorization";
  private static final String CASELESS = " (header names are case-insensitive)";

  private ForwardingReader() {
  }

  static ForwardingConfig read(Section forwarding) {
    forwarding.keys("certificate-headers", "strip-headers", "request-id-header");
    DuplicateCheck emitted = new DuplicateCheck(CASELESS);
    List<CertificateHeader> certificateHeaders = forwarding.sections("certificate-headers")
        .map(entries -> certificateHeaders(forwarding, entries, emitted))
        .orElse(ForwardingConfig.DEFAULT_CERTIFICATE_HEADERS);
    List<String> stripHeaders = forwarding.scalars("strip-headers")
        .map(ForwardingReader::stripHeaders)
        .orElse(List.of());
    String requestIdHeader = forwarding.scalar("request-id-header")
        .flatMap(ForwardingReader::headerName)
        .orElse(ForwardingConfig.DEFAULT_REQUEST_ID_HEADER);
    if (!forwarding.context().hasProblemsAt(forwarding.keyOf("certificate-headers"))) {
      certificateHeaders.stream().flatMap(header -> header.headerNames().stream())
          .filter(name -> name.equalsIgnoreCase(requestIdHeader))
          .findFirst()
          .ifPresent(name -> forwarding.context().problem(forwarding.keyOf("request-id-header"),
              Scalar.quote(requestIdHeader) + " is already a certificate header" + CASELESS));
    }
    return new ForwardingConfig(certificateHeaders, stripHeaders, requestIdHeader);
  }

  /** The identity server binds the client to its certificate (RFC 8705), so one is needed. */
  private static List<CertificateHeader> certificateHeaders(
      Section forwarding, List<Section> entries, DuplicateCheck emitted) {
    if (entries.isEmpty() && !forwarding.context().hasProblemsAt(forwarding.keyOf("certificate-headers"))) {
      forwarding.context().problem(forwarding.keyOf("certificate-headers"), "must list at least one"
          + " format: the identity server needs the client certificate to bind the client to it (RFC 8705)");
    }
    List<CertificateHeader> headers = new ArrayList<>();
    for (Section entry : entries) {
      certificateHeader(entry).ifPresent(header -> {
        headers.add(header);
        // Two formats writing one header would leave the identity server with whichever came last.
        header.headerNames().forEach(name -> emitted.isFirst(
            entry.context(), entry.keyOf("header"), HttpToken.caseless(name), name));
      });
    }
    return headers;
  }

  private static Optional<CertificateHeader> certificateHeader(Section entry) {
    entry.keys("format", "header", "include-chain");
    Optional<CertificateHeaderFormat> format = entry.required("format", "rfc9440, pem-urlencoded or xfcc")
        ? entry.scalar("format").flatMap(value -> value.asOneOf(
            List.of(CertificateHeaderFormat.values()), CertificateHeaderFormat::configName))
        : Optional.empty();
    Optional<String> header = entry.scalar("header").flatMap(ForwardingReader::headerName);
    Optional<Boolean> includeChain = entry.scalar("include-chain").flatMap(Scalar::asBoolean);
    if (format.isEmpty() || entry.context().hasProblemsAt(entry.key())) {
      return Optional.empty();
    }
    return Optional.of(new CertificateHeader(
        format.get(),
        header.orElse(format.get().defaultHeader()),
        includeChain.orElse(format.get().includesChainByDefault())));
  }

  private static List<String> stripHeaders(List<Scalar> values) {
    DuplicateCheck seen = new DuplicateCheck("; list each once" + CASELESS);
    List<String> names = new ArrayList<>();
    for (Scalar value : values) {
      headerName(value)
          .filter(name -> seen.isFirst(value.context(), value.key(), HttpToken.caseless(name), name))
          .ifPresent(names::add);
    }
    return names;
  }

  private static Optional<String> headerName(Scalar value) {
    return value.asHeaderName().filter(name -> {
      if (RESERVED.contains(HttpToken.caseless(name))) {
        value.reject("a header other than " + RESERVED_LIST + ", which forwarding relies on");
        return false;
      }
      return true;
    });
  }
}
