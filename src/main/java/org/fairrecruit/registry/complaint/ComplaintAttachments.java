package org.fairrecruit.registry.complaint;

import org.fairrecruit.registry.database.Column;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionDefinition.Propagation;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.Sql;
import org.fairrecruit.registry.kernel.InvalidInput;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Evidence files of a case, stored in the database with their SHA-256 so a copy can be checked later. */
@Singleton
class ComplaintAttachments {
    @Serdeable
    record Attachment(long id, String fileName, String contentType, long sizeBytes, String sha256, String addedBy,
                      Instant addedAt) {
    }

    record Content(String fileName, String contentType, byte[] bytes) {
    }

    private final Sql sql;
    private final ComplaintRules rules;
    private final Clock clock;

    ComplaintAttachments(Sql sql, ComplaintRules rules, Clock clock) {
        this.sql = sql;
        this.rules = rules;
        this.clock = clock;
    }

    void check(InvalidInput.Collector check, String field, NewAttachment file) {
        check.require(file.content() != null && file.content().length > 0, field, "complaint.error.emptyFile")
                .require(file.content() == null || file.content().length <= rules.maxAttachmentBytes(), field,
                        "complaint.error.fileTooLarge", rules.maxAttachmentBytes() / (1024 * 1024))
                .require(file.contentType() != null && rules.attachmentTypes().contains(file.contentType()), field,
                        "complaint.error.fileType")
                .text(field, file.fileName(), Column.EVIDENCE_FILE_NAME);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    long add(long complaintId, NewAttachment file, String actor) {
        return sql.insert("""
                INSERT INTO complaint_attachment (complaint_id, file_name, content_type, size_bytes, sha256, content,
                    added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                complaintId, file.fileName().strip(), file.contentType(), (long) file.content().length,
                sha256(file.content()), file.content(), actor, Instant.now(clock));
    }

    List<Attachment> of(long complaintId) {
        return sql.list("SELECT id, file_name, content_type, size_bytes, sha256, added_by, added_at "
                + "FROM complaint_attachment WHERE complaint_id = ? ORDER BY id", rs -> new Attachment(rs.getLong(1),
                rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6),
                Sql.instant(rs, "added_at")), complaintId);
    }

    Optional<Content> content(long complaintId, long attachmentId) {
        return sql.one("SELECT file_name, content_type, content FROM complaint_attachment WHERE id = ? AND complaint_id = ?",
                rs -> new Content(rs.getString(1), rs.getString(2), rs.getBytes(3)), attachmentId, complaintId);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
