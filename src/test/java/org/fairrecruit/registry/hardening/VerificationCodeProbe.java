package org.fairrecruit.registry.hardening;

import io.micronaut.runtime.server.EmbeddedServer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.fairrecruit.registry.document.DocumentText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A real certificate's verification code, read from the QR code of the PDF the service issues. */
final class VerificationCodeProbe {
    private VerificationCodeProbe() {
    }

    static String issue(EmbeddedServer server, long agencyId) {
        try {
            HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    server.getURI().resolve("/agencies/" + agencyId + "/certificate.pdf")).build(), HttpResponse.BodyHandlers.ofByteArray());
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                String url = DocumentText.qrCode(document);
                String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
                return path.substring(path.lastIndexOf('/') + 1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
