package cn.govdata.catalog.application;

import java.time.Instant;

/** One step of an application's history, shown to the applicant and the provider alike. */
public record ApplicationStep(
    Instant occurredAt, String actor, String action, ApplicationStatus status, String reason) {}
