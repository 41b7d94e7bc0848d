package org.fairrecruit.registry.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a multipart form action that checks the CSRF form field itself, with
 * {@link CsrfProtection#requireMultipartToken}: the filter cannot read a multipart body, and refuses
 * every other multipart form post that carries no token header.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CsrfInMultipartBody {
}
