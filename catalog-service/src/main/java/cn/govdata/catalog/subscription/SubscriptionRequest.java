package cn.govdata.catalog.subscription;

/**
 * A subscription as the applicant side asks for it.
 *
 * @param applicationId the approved application whose grant the deliveries carry
 * @param schedule a cron expression (five fields, or six with seconds first; Asia/Shanghai time) or
 *     {@code ON_SNAPSHOT}
 */
public record SubscriptionRequest(
    Long applicationId, DeliveryMode mode, String schedule, Target target) {}
