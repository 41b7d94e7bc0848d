package org.fairrecruit.registry.opendata;

import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.changefeed.Change;
import org.fairrecruit.registry.changefeed.EntityKind;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The change feed as Atom 1.0 (RFC 4287), newest first. Entry ids are tag: URIs (RFC 4151) built
 * from the change feed row id, so a reader never sees one change twice under two ids. An agency
 * change links to the agency's page; a blacklist change to the blacklist file, because the
 * listing may just have left it.
 */
@Singleton
class AtomFeed {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    // The year in a tag: URI is the date the authority first used the name; it never changes.
    private static final String TAG_DATE = "2025";
    private final OpenDataSettings settings;
    private final String baseUrl;
    private final String tagPrefix;

    AtomFeed(OpenDataSettings settings, @Property(name = "registry.base-url") String baseUrl) {
        this.settings = settings;
        this.baseUrl = baseUrl;
        this.tagPrefix = "tag:" + URI.create(baseUrl).getHost() + "," + TAG_DATE + ":";
    }

    byte[] render(List<Change> changes, Instant now) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            element(xml, "id", tagPrefix + "opendata/changes");
            element(xml, "title", settings.publisher() + ": changes to the licence register and blacklist");
            element(xml, "updated", time(changes.isEmpty() ? now : changes.get(0).changedAt()));
            link(xml, "self", baseUrl + "/opendata/changes.atom", "application/atom+xml");
            link(xml, "alternate", baseUrl + "/opendata", "text/html");
            xml.writeStartElement("author");
            element(xml, "name", settings.publisher());
            xml.writeEndElement();
            element(xml, "rights", settings.dataLicence() + " " + settings.dataLicenceUrl());
            for (Change change : changes) {
                entry(xml, change);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Atom feed could not be written", e);
        }
        return out.toByteArray();
    }

    private void entry(XMLStreamWriter xml, Change change) throws XMLStreamException {
        boolean agency = change.kind() == EntityKind.AGENCY;
        String subject = agency ? OpenDataRecords.agencyId(change.entityId()) : OpenDataRecords.listingId(change.entityId());
        xml.writeStartElement("entry");
        element(xml, "id", tagPrefix + "change/" + change.id());
        element(xml, "title", (agency ? "Agency " : "Blacklist listing ") + subject + " changed");
        element(xml, "updated", time(change.changedAt()));
        link(xml, "alternate", agency ? baseUrl + "/agencies/" + change.entityId() : baseUrl + "/opendata/blacklist.json",
                agency ? "text/html" : "application/json");
        element(xml, "summary", (agency ? "The record, names or licence of " : "The blacklist listing ") + subject
                + " changed.");
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
        xml.writeAttribute("type", type);
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
