package cn.govdata.catalog.directory;

/**
 * An existing entry changed (lifecycle move, edit, batch assignment), published inside the change's
 * transaction. Listeners that keep copies elsewhere (the search index) react after commit.
 *
 * @param entryId the entry that changed
 */
public record EntryChangedEvent(long entryId) {}
