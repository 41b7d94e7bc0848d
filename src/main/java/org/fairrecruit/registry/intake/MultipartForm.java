package org.fairrecruit.registry.intake;

import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.multipart.CompletedPart;
import io.micronaut.http.server.multipart.MultipartBody;
import org.fairrecruit.registry.kernel.RegistryException;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A multipart body read whole: text fields by name and the files under {@code files}, in order.
 * A file input left empty sends a nameless, empty part, which is no file.
 */
record MultipartForm(Map<String, String> fields, List<HotlineReports.Upload> files) {
    static final String FILES = "files";

    String get(String name) {
        return fields.get(name);
    }

    /** Blocks until the body has arrived (controllers here run on the blocking executor). */
    static MultipartForm read(MultipartBody body) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<HotlineReports.Upload> files = new ArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        body.subscribe(new Subscriber<CompletedPart>() {
            @Override
            public void onSubscribe(Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(CompletedPart part) {
                try {
                    byte[] bytes = part.getBytes();
                    if (part instanceof CompletedFileUpload upload) {
                        upload.discard(); // the server's buffer goes now, not at the end of the request
                        if (FILES.equals(part.getName()) && bytes.length > 0) {
                            files.add(new HotlineReports.Upload(upload.getFilename(), bytes));
                        }
                    } else {
                        fields.putIfAbsent(part.getName(), new String(bytes, StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    done.completeExceptionally(e);
                }
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }
        });
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException.BadRequest("error.400.explanation");
        } catch (ExecutionException e) {
            throw new RegistryException.BadRequest("error.400.explanation");
        }
        return new MultipartForm(fields, files);
    }

    /** The report's fields, named as in the JSON body: fees[0].amount, contact.email, … */
    NewReport report(int feeRows) {
        List<NewReport.FeeLine> fees = new ArrayList<>();
        for (int i = 0; i < feeRows; i++) {
            String p = "fees[" + i + "].";
            NewReport.FeeLine line = new NewReport.FeeLine(get(p + "feeType"), get(p + "amount"), get(p + "currency"),
                    get(p + "paidOn"), get(p + "paidTo"));
            if (!blank(line.amount()) || !blank(line.paidOn()) || !blank(line.paidTo())) {
                fees.add(line);
            }
        }
        NewReport.Contact contact = new NewReport.Contact(get("contact.name"), get("contact.phone"), get("contact.email"),
                get("contact.language"));
        Long agencyId = null;
        if (!blank(get("agencyId"))) {
            try {
                agencyId = Long.valueOf(get("agencyId").strip());
            } catch (NumberFormatException notANumber) {
                agencyId = -1L;
            }
        }
        return new NewReport(get("category"), get("description"), get("agencyName"), agencyId, get("destinationCountry"),
                get("employer"), fees, contact, get("language"));
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
