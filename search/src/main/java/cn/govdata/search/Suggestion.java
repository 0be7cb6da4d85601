package cn.govdata.search;

/**
 * A search-as-you-type suggestion: an entry whose name (or one of its keywords) starts with what
 * was typed.
 *
 * @param text the name or keyword that matched
 * @param id the entry it leads to
 * @param name the entry's name
 */
public record Suggestion(String text, String id, String name) {}
