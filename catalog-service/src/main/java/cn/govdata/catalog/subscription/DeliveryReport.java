package cn.govdata.catalog.subscription;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an exchange agent reports of a delivery ({@code POST /api/v1/deliveries/{id}/status}).
 *
 * @param receiptJson the consumer's signed receipt, as a JSON object or as its text
 * @param manifestJson the signed manifest the receipt answers, as a JSON object or as its text;
 *     with the receipt, required for {@code DELIVERED}
 */
public record DeliveryReport(
    Long subscriptionId,
    DeliveryState state,
    Integer attempts,
    String lastError,
    Long snapshotId,
    Long rows,
    Long bytes,
    JsonNode receiptJson,
    JsonNode manifestJson) {}
