package cn.govdata.catalog.subscription;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an exchange agent reports of a delivery ({@code POST /api/v1/deliveries/{id}/status}).
 *
 * @param receiptJson the consumer's signed receipt, as a JSON object or as its text
 */
public record DeliveryReport(
    Long subscriptionId,
    DeliveryState state,
    Integer attempts,
    String lastError,
    Long snapshotId,
    Long rows,
    Long bytes,
    JsonNode receiptJson) {}
