/**
 * Distinguished names as the ecosystems write them, and the subject attributes their rules read.
 *
 * <p>{@link io.dcrgateway.dn.DistinguishedName} reads a {@code tls_client_auth_subject_dn} string
 * (RFC 4514) or a certificate subject and compares two names with RFC 4517 distinguishedNameMatch
 * (RFC 8705 §2.1), whatever mix of short names, tool-specific names and {@code OID=#hex} values
 * each side used (SPEC RFC-12, BR-14, Appendix D). {@link io.dcrgateway.dn.OfbStrictForm} reports
 * where a string breaks the stricter OFB DCR §7.1.2 form, for profiles that enforce it.
 * {@link io.dcrgateway.dn.SubjectAttributes} reads UID, organizationIdentifier, OU and the other
 * identity attributes (BR-03, BR-05), {@link io.dcrgateway.dn.UkSubjectIdentity} the UK layout
 * (UK-17).
 */
package io.dcrgateway.dn;
