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
    void admin_creates_a_staff_user_after_fixing_the_field_the_form_refused() {
        try (Browser browser = Browser.desktop()) {
            WebDriver driver = browser.driver();
            browser.signIn(server.getURI(), staff.userWithRole(Roles.ADMIN));
            driver.get(server.getURI().resolve("/admin/users").toString());

            driver.findElement(By.id("username")).sendKeys("field-officer");
            driver.findElement(By.id("displayName")).sendKeys("Field Officer");
            driver.findElement(By.id("email")).sendKeys("not-an-address");
            driver.findElement(By.id("password")).sendKeys("a long enough password");
            driver.findElement(By.cssSelector("#new-user input[name=roles][value=INVESTIGATOR]")).click();
            browser.submit(By.cssSelector("#new-user button[type=submit]"));

            assertEquals("Enter a valid e-mail address.", driver.findElement(By.id("email-error")).getText());
            assertEquals("field-officer", driver.findElement(By.id("username")).getAttribute("value"));
            assertEquals("true", driver.findElement(By.id("email")).getAttribute("aria-invalid"));
            browser.screenshot("admin-users-invalid-email");

            driver.findElement(By.id("email")).clear();
            driver.findElement(By.id("email")).sendKeys("field.officer@registry.test");
            driver.findElement(By.id("password")).sendKeys("a long enough password");
            browser.submit(By.cssSelector("#new-user button[type=submit]"));

            assertTrue(driver.getPageSource().contains("field.officer@registry.test"));
            assertTrue(identity.all().stream().anyMatch(u -> u.username().equals("field-officer")
                    && u.roles().contains(Roles.INVESTIGATOR)));
            browser.screenshot("admin-users");
        }
    }
}
