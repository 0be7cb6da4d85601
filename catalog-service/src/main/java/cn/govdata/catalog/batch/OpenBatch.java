package cn.govdata.catalog.batch;

import java.time.LocalDate;

/**
 * 开放批次: a numbered batch in which open-list entries are released to the public.
 *
 * @param number 1, 2, … in order of creation
 * @param title e.g. 2026年第一批公共数据开放
 * @param plannedDate when the batch is planned to open
 * @param actualDate when it did open, {@code null} until then
 */
public record OpenBatch(
    long id, int number, String title, LocalDate plannedDate, LocalDate actualDate) {}
