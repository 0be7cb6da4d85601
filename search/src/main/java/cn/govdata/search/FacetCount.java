package cn.govdata.search;

/**
 * How many results carry one facet value.
 *
 * @param value the value to filter by
 * @param label the value for people: the Chinese term for enumerated values, the region's name for
 *     regions, the value itself otherwise
 * @param count how many results have it
 */
public record FacetCount(String value, String label, long count) {}
