package cn.govdata.catalog.portal;

import java.time.Instant;

/** An application (申请) for 有条件开放 data, as recorded. */
public record OpenApplication(
    long id,
    long entryId,
    String applicant,
    String organisation,
    String email,
    String purpose,
    String status,
    Instant submittedAt) {}
