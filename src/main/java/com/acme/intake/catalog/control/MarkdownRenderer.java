package com.acme.intake.catalog.control;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * Markdown → HTML that is safe to insert into a page. Descriptions and gap notes are written by
 * requesters and owners, so raw HTML in them is escaped (shown as text, never interpreted), and a
 * link or image keeps its URL only when the scheme is allowed ({@code http}, {@code https},
 * {@code mailto} for links; {@code http}, {@code https} for images); any other URL, relative ones
 * included, becomes an empty {@code href}/{@code src}, so {@code javascript:} and {@code data:} are inert.
 */
public final class MarkdownRenderer {

    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");
    private static final Set<String> IMAGE_SCHEMES = Set.of("http", "https");

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new SchemeAllowList())
            .attributeProviderFactory(context -> new ExternalLinks())
            .build();

    private MarkdownRenderer() {
    }

    /** The HTML of {@code markdown}; empty for null or blank text. */
    public static String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return RENDERER.render(PARSER.parse(markdown));
    }

    /** The scheme of a URL as a browser reads it (ignoring whitespace and controls), or null when it has none. */
    static String scheme(String url) {
        var cleaned = new StringBuilder();
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c > ' ' && c != 0x7f) {
                cleaned.append(c);
            }
        }
        int colon = cleaned.indexOf(":");
        if (colon <= 0) {
            return null;
        }
        String scheme = cleaned.substring(0, colon).toLowerCase(Locale.ROOT);
        return scheme.matches("[a-z][a-z0-9+.-]*") ? scheme : null;
    }

    private static final class SchemeAllowList implements UrlSanitizer {

        @Override
        public String sanitizeLinkUrl(String url) {
            return LINK_SCHEMES.contains(scheme(url)) ? url : "";
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return IMAGE_SCHEMES.contains(scheme(url)) ? url : "";
        }
    }

    /** Links lead off-site: no referrer, and no ranking credit for whatever a description links to. */
    private static final class ExternalLinks implements AttributeProvider {

        @Override
        public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
            if (node instanceof Link) {
                attributes.put("rel", "nofollow noopener noreferrer");
            }
        }
    }
}
