package org.fairrecruit.registry.bulkimport;

import java.util.List;

/**
 * How one kind of file is read, checked and written. {@link #read} checks one row on its own;
 * {@link #check} what needs the whole file or the register (duplicates, references); {@link #write}
 * runs only when no row was refused and a second person approved, inside the import's transaction,
 * and returns the ids of the records it created (the audit entry names them).
 */
interface ImportFormat<T> {
    ImportKind kind();

    T read(ImportRow row);

    void check(List<T> rows, RowErrors errors);

    List<Long> write(List<T> rows, ImportRun run);
}
