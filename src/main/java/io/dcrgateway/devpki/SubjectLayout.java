package io.dcrgateway.devpki;

/** Which subject DN layout a dev client certificate uses; the id is how the manifest names it. */
public enum SubjectLayout {
  /** OFB Cert Std DN for certificates issued after 2023-01-19: org_id in organizationIdentifier. */
  OFB_ECOSYSTEM("ofb-ecosystem"),
  /** OFB DN of certificates issued up to 2022-08-31: org_id in OU (BR-05 coexistence). */
  OFB_LEGACY("ofb-legacy-ou"),
  /** UK Open Banking transport certificate: CN=software_id, OU=org_id (UK-17). */
  UK_TRANSPORT("uk-ob-transport");

  private final String id;

  SubjectLayout(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static SubjectLayout fromId(String id) {
    for (SubjectLayout layout : values()) {
      if (layout.id.equals(id)) {
        return layout;
      }
    }
    throw new IllegalArgumentException("unknown subject layout " + id);
  }
}
