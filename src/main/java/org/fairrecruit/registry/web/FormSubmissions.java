package org.fairrecruit.registry.web;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.fairrecruit.registry.kernel.InvalidInput;

import java.util.function.Supplier;

/**
 * Carries out a submitted form in one transaction so that every refusal of one submit is shown at once: the service
 * runs even when a field could not be read (it sees that field as blank and refuses on its own rules as well), and if
 * anything could not be read, what the service did is rolled back. The controller catches {@link InvalidInput} and
 * shows {@link FormInput#failed}.
 */
@Singleton
public class FormSubmissions {
    @Transactional
    public <T> T get(FormInput form, Supplier<T> action) {
        T result = action.get();
        form.throwIfUnreadable();
        return result;
    }

    @Transactional
    public void run(FormInput form, Runnable action) {
        action.run();
        form.throwIfUnreadable();
    }
}
