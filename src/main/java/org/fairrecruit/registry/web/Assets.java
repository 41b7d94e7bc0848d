package org.fairrecruit.registry.web;

import org.fairrecruit.registry.kernel.MessageKey;

import org.fairrecruit.registry.kernel.RegistryException;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pages' style sheet, font and icon under a fingerprint of their content
 * ({@code /assets/3f9c2a1b7d/css/app.css}), so browsers keep them for a year and a new release is
 * fetched at once. One fingerprint covers all of them, because the style sheet points at the font
 * by a relative address. During a rolling update a replica may be asked for another release's
 * fingerprint: it answers with its own files, cached briefly, never a broken page.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class Assets {
    /** Every file the layout uses (under src/main/resources/static), with its type. */
    private static final Map<String, String> FILES = Map.of(
            "css/app.css", "text/css;charset=utf-8",
            "fonts/noto-sans-devanagari-devanagari-400-normal.woff2", "font/woff2",
            "favicon.ico", "image/x-icon");
    private static final String YEAR = "public, max-age=31536000, immutable";
    private static final String BRIEFLY = "public, max-age=60";
    private final Map<String, byte[]> content = new LinkedHashMap<>();
    private final String fingerprint;

    Assets() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String path : FILES.keySet().stream().sorted().toList()) {
                byte[] bytes = read(path);
                content.put(path, bytes);
                digest.update(path.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(bytes);
            }
            fingerprint = HexFormat.of().formatHex(digest.digest()).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For templates: {@code ${assets.url('css/app.css')}}. */
    public String url(String path) {
        if (!FILES.containsKey(path)) {
            throw new IllegalArgumentException("not an asset: " + path);
        }
        return "/assets/" + fingerprint + "/" + path;
    }

    @Get("/assets/{version}/{+path}")
    @Produces({"text/css", "font/woff2", "image/x-icon"})
    HttpResponse<byte[]> asset(@PathVariable String version, @PathVariable String path) {
        return serve(path, fingerprint.equals(version) ? YEAR : BRIEFLY);
    }

    /** Browsers and bookmarks ask for it at this fixed address. */
    @Get("/favicon.ico")
    @Produces("image/x-icon")
    HttpResponse<byte[]> favicon() {
        return serve("favicon.ico", "public, max-age=86400");
    }

    private HttpResponse<byte[]> serve(String path, String cacheControl) {
        @Nullable byte[] bytes = content.get(path);
        if (bytes == null) {
            throw new RegistryException.NotFound(new MessageKey("asset.what"), path);
        }
        return HttpResponse.ok(bytes).contentType(MediaType.of(FILES.get(path))).header("Cache-Control", cacheControl);
    }

    private static byte[] read(String path) {
        try (InputStream in = Assets.class.getResourceAsStream("/static/" + path)) {
            if (in == null) {
                throw new IllegalStateException("asset missing from the build: " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
