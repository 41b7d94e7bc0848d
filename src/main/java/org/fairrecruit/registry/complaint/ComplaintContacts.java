package org.fairrecruit.registry.complaint;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionDefinition.Propagation;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.database.Sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** The complainant's contact details, stored only sealed; the case id is the associated data. */
@Singleton
class ComplaintContacts {
    private final Sql sql;
    private final ContactCipher cipher;
    private final JsonMapper json;

    ComplaintContacts(Sql sql, ContactCipher cipher, JsonMapper json) {
        this.sql = sql;
        this.cipher = cipher;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void store(long complaintId, Contact contact) {
        try {
            ContactCipher.Sealed sealed = cipher.seal(json.writeValueAsString(contact), associatedData(complaintId));
            sql.update("INSERT INTO complaint_contact (complaint_id, key_id, sealed) VALUES (?, ?, ?)", complaintId,
                    sealed.keyId(), sealed.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opened for the case's own use (a status mail); a staff member's view goes through ComplaintCases.contact. */
    Optional<Contact> open(long complaintId) {
        return sql.one("SELECT key_id, sealed FROM complaint_contact WHERE complaint_id = ?",
                rs -> new ContactCipher.Sealed(rs.getString(1), rs.getBytes(2)), complaintId).map(sealed -> {
                    try {
                        return json.readValue(cipher.open(sealed, associatedData(complaintId)), Argument.of(Contact.class));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    boolean exists(long complaintId) {
        return sql.count("SELECT COUNT(*) FROM complaint_contact WHERE complaint_id = ?", complaintId) > 0;
    }

    private static String associatedData(long complaintId) {
        return "complaint:" + complaintId;
    }
}
