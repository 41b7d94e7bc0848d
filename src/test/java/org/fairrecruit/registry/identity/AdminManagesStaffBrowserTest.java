package org.fairrecruit.registry.identity;

import org.fairrecruit.registry.kernel.Roles;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.fairrecruit.registry.support.Browser;
import org.fairrecruit.registry.support.StaffFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class AdminManagesStaffBrowserTest {
    @Inject EmbeddedServer server;
    @Inject StaffFixtures staff;
    @Inject IdentityService identity;

    @Test
    void a_taken_user_name_and_a_bad_address_are_refused_together_with_the_rest_kept() {
        String taken = staff.userWithRole(Roles.INVESTIGATOR);
        try (Browser browser = Browser.desktop()) {
            WebDriver driver = browser.driver();
            browser.signIn(server.getURI(), staff.userWithRole(Roles.ADMIN));
            driver.get(server.getURI().resolve("/admin/users").toString());

            driver.findElement(By.id("new-user-username")).sendKeys(taken);
            driver.findElement(By.id("new-user-displayName")).sendKeys("Field Officer");
            driver.findElement(By.id("new-user-email")).sendKeys("not-an-address");
            driver.findElement(By.id("new-user-password")).sendKeys("a long enough password");
            driver.findElement(By.cssSelector("#new-user input[name=roles][value=INVESTIGATOR]")).click();
            driver.findElement(By.cssSelector("#new-user input[name=roles][value=AUDITOR]")).click();
            browser.submit(By.cssSelector("#new-user button[type=submit]"));

            assertEquals("This username is already taken.", driver.findElement(By.id("new-user-username-error")).getText());
            assertEquals("Enter a valid e-mail address.", driver.findElement(By.id("new-user-email-error")).getText());
            assertEquals(2, driver.findElements(By.cssSelector("#new-user-errors li")).size());
            assertEquals("new-user-errors", driver.switchTo().activeElement().getAttribute("id"));
            assertEquals(taken, driver.findElement(By.id("new-user-username")).getAttribute("value"));
            assertEquals("Field Officer", driver.findElement(By.id("new-user-displayName")).getAttribute("value"));
            assertEquals("true", driver.findElement(By.id("new-user-email")).getAttribute("aria-invalid"));
            assertTrue(driver.findElement(By.cssSelector("#new-user input[name=roles][value=INVESTIGATOR]")).isSelected());
            assertTrue(driver.findElement(By.cssSelector("#new-user input[name=roles][value=AUDITOR]")).isSelected());
            assertEquals("", driver.findElement(By.id("new-user-password")).getAttribute("value"),
                    "a password is never written back into the page");
            browser.screenshot("admin-users-two-errors");

            driver.findElement(By.id("new-user-username")).clear();
            driver.findElement(By.id("new-user-username")).sendKeys("field-officer");
            driver.findElement(By.id("new-user-email")).clear();
            driver.findElement(By.id("new-user-email")).sendKeys("field.officer@registry.test");
            driver.findElement(By.id("new-user-password")).sendKeys("a long enough password");
            browser.submit(By.cssSelector("#new-user button[type=submit]"));

            assertTrue(driver.getPageSource().contains("field.officer@registry.test"));
            assertTrue(identity.all().stream().anyMatch(u -> u.username().equals("field-officer")
                    && u.roles().contains(Roles.INVESTIGATOR) && u.roles().contains(Roles.AUDITOR)));
            browser.screenshot("admin-users");
        }
    }

    @Test
    void taking_every_role_away_is_refused_beside_that_users_roles_in_indonesian() {
        String someone = staff.userWithRole(Roles.HOTLINE_OPERATOR);
        StaffMember member = identity.all().stream().filter(u -> u.username().equals(someone)).findFirst().orElseThrow();
        try (Browser browser = Browser.desktop()) {
            WebDriver driver = browser.driver();
            browser.signIn(server.getURI(), staff.userWithRole(Roles.ADMIN));
            driver.get(server.getURI().resolve("/admin/users?lang=id").toString());
            String form = "access-" + member.id();
            driver.findElement(By.cssSelector("#" + form + " input[name=roles][value=HOTLINE_OPERATOR]")).click();
            browser.submit(By.cssSelector("#" + form + " button[type=submit]"));

            assertEquals("Pilih paling sedikit satu peran.", driver.findElement(By.id(form + "-roles-error")).getText());
            assertEquals(form + "-errors", driver.switchTo().activeElement().getAttribute("id"));
            assertTrue(driver.findElement(By.cssSelector("#" + form + " input[name=enabled]")).isSelected());
            assertEquals("id", driver.findElement(By.tagName("html")).getAttribute("lang"));
            assertTrue(identity.all().stream().anyMatch(u -> u.username().equals(someone)
                    && u.roles().contains(Roles.HOTLINE_OPERATOR)), "nothing changed");
        }
    }
}
