package org.fairrecruit.registry.opendata;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.changefeed.EntityKind;
import org.fairrecruit.registry.support.RegisterWrites;
import org.fairrecruit.registry.support.WebClient;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class ChangesAtomFeedTest {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    @Inject EmbeddedServer server;
    @Inject RegisterWrites register;

    private static Element child(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(ATOM, name);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }

    @Test
    void feed_is_atom_with_the_newest_change_first_and_links_to_what_changed() throws Exception {
        register.write(EntityKind.AGENCY, 1, "INSERT INTO agency (id, legal_name, registration_number, country, created_at) "
                + "VALUES (1, 'Kestrel Harbour Demo Recruiters', 'DEMO-T-1', 'PH', NOW(6))");
        register.write(EntityKind.BLACKLIST_ENTRY, 7, "UPDATE blacklist_entry SET version = version + 1 WHERE id = 7");

        HttpResponse<String> response = new WebClient(server.getURI()).getHtml("/opendata/changes.atom");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/atom+xml; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
        Element feed = doc.getDocumentElement();
        assertEquals(ATOM, feed.getNamespaceURI());
        assertEquals("feed", feed.getLocalName());
        assertTrue(child(feed, "id").getTextContent().startsWith("tag:localhost,2025:"));
        assertNotNull(child(feed, "title"));
        assertNotNull(child(feed, "author"));
        Instant.parse(child(feed, "updated").getTextContent());
        Element self = (Element) feed.getElementsByTagNameNS(ATOM, "link").item(0);
        assertEquals("self", self.getAttribute("rel"));
        assertTrue(self.getAttribute("href").endsWith("/opendata/changes.atom"));

        NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
        assertEquals(2, entries.getLength());
        Element newest = (Element) entries.item(0);
        Element older = (Element) entries.item(1);
        assertTrue(child(newest, "title").getTextContent().contains("blacklist-7"));
        assertTrue(((Element) newest.getElementsByTagNameNS(ATOM, "link").item(0)).getAttribute("href")
                .endsWith("/opendata/blacklist.json"));
        assertTrue(((Element) older.getElementsByTagNameNS(ATOM, "link").item(0)).getAttribute("href")
                .endsWith("/agencies/1"));
        assertTrue(child(older, "id").getTextContent().matches("tag:localhost,2025:change/\\d+"));
        Instant.parse(child(older, "updated").getTextContent());
    }
}
