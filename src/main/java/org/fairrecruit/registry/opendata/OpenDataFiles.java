package org.fairrecruit.registry.opendata;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.fairrecruit.registry.kernel.CsvExport;
import org.fairrecruit.registry.changefeed.ChangeFeed;
import org.fairrecruit.registry.licensing.PublishedLicences;
import org.fairrecruit.registry.sanction.PublishedBlacklist;
import org.fairrecruit.registry.opendata.OpenDataRecords.BlacklistFile;
import org.fairrecruit.registry.opendata.OpenDataRecords.LicenceFile;
import org.fairrecruit.registry.opendata.OpenDataRecords.LicenceRecord;
import org.fairrecruit.registry.opendata.OpenDataRecords.ListingRecord;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Renders the open data files. Each file is read in one read-only transaction (one consistent
 * snapshot, and a read replica can serve it). CSV lists are joined with "|", as in the import files.
 */
@Singleton
class OpenDataFiles {
    private static final CSVFormat CSV = CSVFormat.RFC4180;
    private final PublishedLicences licences;
    private final PublishedBlacklist blacklist;
    private final ChangeFeed feed;
    private final FollowTheMoney ftm;
    private final AtomFeed atom;
    private final JsonMapper json;
    private final OpenDataSettings settings;
    private final String baseUrl;
    private final Clock clock;

    OpenDataFiles(PublishedLicences licences, PublishedBlacklist blacklist, ChangeFeed feed, FollowTheMoney ftm,
                  AtomFeed atom, JsonMapper json, OpenDataSettings settings,
                  @Property(name = "registry.base-url") String baseUrl, Clock clock) {
        this.licences = licences;
        this.blacklist = blacklist;
        this.feed = feed;
        this.ftm = ftm;
        this.atom = atom;
        this.json = json;
        this.settings = settings;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    FileVersion version() {
        return FileVersion.of(feed.position(), today());
    }

    @Transactional(readOnly = true)
    public byte[] licencesJson() {
        return toJson(new LicenceFile(Instant.now(clock), settings.publisher(), settings.dataLicence(), licenceRecords()));
    }

    @Transactional(readOnly = true)
    public byte[] licencesCsv() {
        return csv(printer -> {
            printer.printRecord(OpenDataRecords.LICENCE_FIELDS);
            for (LicenceRecord r : licenceRecords()) {
                CsvExport.row(printer, r.id(), r.licenceNumber(), r.status(), r.validFrom(), r.validUntil(),
                        r.conditions(), r.agencyId(), r.agencyLegalName(), joined(r.agencyTradeNames()),
                        r.agencyRegistrationNumber(), r.agencyCountry(), r.agencyAddress(), r.agencyUrl());
            }
        });
    }

    @Transactional(readOnly = true)
    public byte[] blacklistJson() {
        return toJson(new BlacklistFile(Instant.now(clock), settings.publisher(), settings.dataLicence(), listingRecords()));
    }

    @Transactional(readOnly = true)
    public byte[] blacklistCsv() {
        return csv(printer -> {
            printer.printRecord(OpenDataRecords.LISTING_FIELDS);
            for (ListingRecord r : listingRecords()) {
                CsvExport.row(printer, r.id(), r.subjectType(), r.name(), joined(r.aliases()), r.nationality(),
                        r.birthYear(), r.idDocument(), r.reasonCategory(), r.legalBasis(), r.listedOn(),
                        r.expiresOn(), r.agencyId(), r.agencyRegistrationNumber());
            }
        });
    }

    @Transactional(readOnly = true)
    public byte[] blacklistFollowTheMoney() {
        return ftm.render(blacklist.inForceOn(today()));
    }

    @Transactional(readOnly = true)
    public byte[] changesAtom() {
        return atom.render(feed.latest(settings.feedEntries()), Instant.now(clock));
    }

    private List<LicenceRecord> licenceRecords() {
        return licences.all().stream().map(l -> LicenceRecord.of(l, baseUrl)).toList();
    }

    private List<ListingRecord> listingRecords() {
        return blacklist.inForceOn(today()).stream().map(ListingRecord::of).toList();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private byte[] toJson(Object file) {
        try {
            return json.writeValueAsBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] csv(CsvBody body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSV)) {
            body.print(printer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String joined(List<String> values) {
        return String.join("|", values.stream().filter(Objects::nonNull).toList());
    }

    @FunctionalInterface
    private interface CsvBody {
        void print(CSVPrinter printer) throws IOException;
    }
}
