package com.acme.intake.catalog.control;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * Markdown → HTML that is safe to insert into a page. Descriptions and gap notes are written by
 * requesters and owners, so raw HTML in them is escaped (shown as text, never interpreted), and a
 * link keeps its URL only when the scheme is allowed ({@code http}, {@code https}, {@code mailto});
 * any other URL, relative ones included, becomes an empty {@code href}, so {@code javascript:} and
 * {@code data:} are inert.
 * <p>
 * An image is never loaded: it becomes a link to its URL (same schemes, same {@code rel}) with its
 * alt text, or the alt text alone. An image would make every reader's browser call a host the
 * author chose, telling it who read which entry and when; the page's Content-Security-Policy
 * blocks other hosts' images too.
 */
public final class MarkdownRenderer {

    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");
    private static final String EXTERNAL_REL = "nofollow noopener noreferrer";

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new SchemeAllowList())
            .attributeProviderFactory(context -> new ExternalLinks())
            .nodeRendererFactory(ImagesAsLinks::new)
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

    /** Whether a link may keep this URL; a URL without a scheme (relative) may not. */
    private static boolean allowed(String url) {
        String scheme = scheme(url);
        return scheme != null && LINK_SCHEMES.contains(scheme);
    }

    private static final class SchemeAllowList implements UrlSanitizer {

        @Override
        public String sanitizeLinkUrl(String url) {
            return allowed(url) ? url : "";
        }

        @Override
        public String sanitizeImageUrl(String url) {
            // images are rendered as links (ImagesAsLinks); none is ever loaded
            return "";
        }
    }

    /** {@code ![alt](url)} → {@code <a href="url" rel="…">alt</a>}, or the alt text when the URL is not allowed. */
    private static final class ImagesAsLinks implements NodeRenderer {

        private final HtmlNodeRendererContext context;

        ImagesAsLinks(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            Image image = (Image) node;
            String url = allowed(image.getDestination()) ? image.getDestination() : "";
            var html = context.getWriter();
            if (!url.isEmpty()) {
                Map<String, String> attributes = new LinkedHashMap<>();
                attributes.put("href", context.encodeUrl(url));
                attributes.put("rel", EXTERNAL_REL);
                attributes.put("class", "image-link");
                html.tag("a", attributes);
            }
            for (Node child = image.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
            if (!url.isEmpty()) {
                html.tag("/a");
            }
        }
    }

    /** Links lead off-site: no referrer, and no ranking credit for whatever a description links to. */
    private static final class ExternalLinks implements AttributeProvider {

        @Override
        public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
            if (node instanceof Link) {
                attributes.put("rel", EXTERNAL_REL);
            }
        }
    }
}
