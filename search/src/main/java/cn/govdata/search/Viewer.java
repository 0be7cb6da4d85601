package cn.govdata.search;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who is searching: the public sees the open list only; a signed-in department also sees the shared
 * list. The search layer never trusts a caller-supplied list of visible lists, only this.
 *
 * @param department the signed-in department's credit code, or {@code null} for the public
 */
public record Viewer(String department) {

  public static final Viewer PUBLIC = new Viewer(null);

  public Viewer {
    if (department != null && department.isBlank()) {
      throw new IllegalArgumentException("viewer department must not be blank; use Viewer.PUBLIC");
    }
  }

  public static Viewer department(String creditCode) {
    if (creditCode == null) {
      throw new IllegalArgumentException("viewer department is required");
    }
    return new Viewer(creditCode.strip());
  }

  public boolean isPublic() {
    return department == null;
  }

  /** The lists this viewer may search. */
  public Set<CatalogListing> visibleLists() {
    return isPublic() ? EnumSet.of(CatalogListing.OPEN) : EnumSet.allOf(CatalogListing.class);
  }
}
