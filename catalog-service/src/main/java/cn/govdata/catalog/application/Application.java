package cn.govdata.catalog.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An application as stored: the request, and once decided what was granted.
 *
 * @param providerDepartmentId the department that provides the entry and decides
 * @param applicantDepartmentId the applying department, for a {@link ApplicationKind#SHARE}
 * @param applicantUser the user who applied
 * @param applicant the person, for an {@link ApplicationKind#OPEN}
 * @param grantedItems the items granted; empty until approved
 * @param grantedRegions the regions granted; empty for no narrowing by region
 * @param grantedFrom the first day granted; {@code null} until approved
 * @param grantedUntil the last day granted; {@code null} until approved
 */
public record Application(
    long id,
    ApplicationKind kind,
    long entryId,
    String resourceCode,
    long providerDepartmentId,
    Long applicantDepartmentId,
    String applicantUser,
    PublicApplicant applicant,
    String purpose,
    String legalBasis,
    List<String> requestedItems,
    List<String> requestedRegions,
    LocalDate requestedFrom,
    LocalDate requestedUntil,
    ApplicationStatus status,
    List<String> grantedItems,
    List<String> grantedRegions,
    LocalDate grantedFrom,
    LocalDate grantedUntil,
    String decisionReason,
    String decidedBy,
    Instant createdAt,
    Instant updatedAt) {

  public Application {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(status, "status");
    requestedItems = List.copyOf(requestedItems);
    requestedRegions = List.copyOf(requestedRegions);
    grantedItems = List.copyOf(grantedItems);
    grantedRegions = List.copyOf(grantedRegions);
  }

  /** Whether it grants access on {@code day}. */
  public boolean grantsOn(LocalDate day) {
    return status == ApplicationStatus.APPROVED && !day.isAfter(grantedUntil);
  }
}
