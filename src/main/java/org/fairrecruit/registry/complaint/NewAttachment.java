package org.fairrecruit.registry.complaint;

/** An evidence file as received (receipt, photo, contract). */
public record NewAttachment(String fileName, String contentType, byte[] content) {
}
