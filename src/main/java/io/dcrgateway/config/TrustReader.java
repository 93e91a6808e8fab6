package io.dcrgateway.config;

import io.dcrgateway.config.TrustConfig.KeyMinimums;
import io.dcrgateway.config.TrustConfig.Revocation;
import io.dcrgateway.config.TrustConfig.TrustDomain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** {@code trust:}, the CAs that may vouch for TPP certificates. */
final class TrustReader {

  /** Domain names end up in audit records and metric labels: keep them plain. */
  private static final Pattern DOMAIN_NAME = Pattern.compile("[a-z0-9-]+");

  private TrustReader() {
  }

  static TrustConfig read(Section trust) {
    trust.keys("key-minimums", "domains");
    KeyMinimums keyMinimums = trust.section("key-minimums").map(TrustReader::keyMinimums)
        .orElse(KeyMinimums.DEFAULT);
    List<TrustDomain> domains = new ArrayList<>();
    if (trust.required("domains", "at least one trust domain: a name and its anchors")) {
      DuplicateCheck names = new DuplicateCheck("; domain names must be unique");
      trust.sections("domains").ifPresent(sections -> {
        sections.forEach(section -> domains.add(domain(section, names)));
        if (sections.isEmpty() && !trust.context().hasProblemsAt(trust.keyOf("domains"))) {
          trust.context().problem(trust.keyOf("domains"), "must list at least one trust domain");
        }
      });
    }
    return new TrustConfig(domains, keyMinimums);
  }

  /**
   * RSA down to 1024 bits for legacy test PKIs only; EC from 160 bits, the FAPI 1 Advanced 8.6
   * floor. Above the ranges no CA issues keys.
   */
  private static KeyMinimums keyMinimums(Section minimums) {
    minimums.keys("rsa-bits", "ec-bits");
    return new KeyMinimums(
        minimums.scalar("rsa-bits").flatMap(bits -> bits.asInt(1024, 16384))
            .orElse(KeyMinimums.DEFAULT.rsaBits()),
        minimums.scalar("ec-bits").flatMap(bits -> bits.asInt(160, 521))
            .orElse(KeyMinimums.DEFAULT.ecBits()));
  }

  private static TrustDomain domain(Section domain, DuplicateCheck names) {
    domain.keys("name", "anchors", "intermediates", "revocation");
    String name = null;
    if (domain.required("name", "lower-case letters, digits and -, unique among domains")) {
      name = domain.scalar("name")
          .flatMap(value -> value.matching(text -> DOMAIN_NAME.matcher(text).matches(),
              "lower-case letters, digits and - only (it labels audit records and metrics)"))
          .filter(text -> names.isFirst(domain.context(), domain.keyOf("name"), text, text))
          .orElse(null);
    }
    List<Path> anchors = List.of();
    if (domain.required("anchors", "PEM files of the CA certificates this domain trusts")) {
      anchors = domain.files("anchors");
      if (anchors.isEmpty() && !domain.context().hasProblemsAt(domain.keyOf("anchors"))) {
        domain.context().problem(domain.keyOf("anchors"), "must list at least one PEM file of CA certificates");
      }
    }
    Revocation revocation = domain.section("revocation").map(TrustReader::revocation).orElse(Revocation.OFF);
    return new TrustDomain(name, anchors, domain.files("intermediates"), revocation);
  }

  private static Revocation revocation(Section revocation) {
    revocation.keys("mode", "ocsp", "crl");
    Revocation.Mode mode = revocation.scalar("mode")
        .flatMap(value -> value.asOneOf(Arrays.asList(Revocation.Mode.values()), Revocation.Mode::spelling))
        .orElse(Revocation.Mode.OFF);
    Revocation.Ocsp ocsp = revocation.section("ocsp").map(TrustReader::ocsp).orElse(Revocation.Ocsp.DEFAULT);
    Revocation.Crl crl = revocation.section("crl").map(TrustReader::crl).orElse(Revocation.Crl.DEFAULT);
    if (mode != Revocation.Mode.OFF && !ocsp.enabled() && !crl.enabled()
        && !revocation.context().hasProblemsAt(revocation.key())) {
      revocation.context().problem(revocation.keyOf("mode"),
          "is " + mode.spelling() + " but both ocsp.enabled and crl.enabled are false; enable one or use off");
    }
    return new Revocation(mode, ocsp, crl);
  }

  private static Revocation.Ocsp ocsp(Section ocsp) {
    ocsp.keys("enabled", "responder-url", "timeout", "max-age");
    Revocation.Ocsp defaults = Revocation.Ocsp.DEFAULT;
    return new Revocation.Ocsp(
        ocsp.scalar("enabled").flatMap(Scalar::asBoolean).orElse(defaults.enabled()),
        ocsp.scalar("responder-url").flatMap(url -> HttpUrl.read(url, "an http or https URL of an OCSP responder")),
        ocsp.scalar("timeout").flatMap(t -> t.asDuration(Duration.ofMillis(100), Duration.ofSeconds(60)))
            .orElse(defaults.timeout()),
        ocsp.scalar("max-age").flatMap(t -> t.asDuration(Duration.ofMinutes(1), Duration.ofDays(30)))
            .orElse(defaults.maxAge()));
  }

  private static Revocation.Crl crl(Section crl) {
    crl.keys("enabled", "files", "fetch-distribution-points", "timeout");
    Revocation.Crl defaults = Revocation.Crl.DEFAULT;
    return new Revocation.Crl(
        crl.scalar("enabled").flatMap(Scalar::asBoolean).orElse(defaults.enabled()),
        crl.files("files"),
        crl.scalar("fetch-distribution-points").flatMap(Scalar::asBoolean).orElse(defaults.fetchDistributionPoints()),
        crl.scalar("timeout").flatMap(t -> t.asDuration(Duration.ofMillis(100), Duration.ofSeconds(120)))
            .orElse(defaults.timeout()));
  }
}
