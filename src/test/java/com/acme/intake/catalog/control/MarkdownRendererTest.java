package com.acme.intake.catalog.control;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Descriptions are written by users and shown to others: nothing in them may run in a browser. */
class MarkdownRendererTest {

    @Test
    void rendersOrdinaryMarkdown() {
        assertThat(MarkdownRenderer.toHtml("## 顧客\n\n**bold** and `code`\n\n- a\n- b"))
                .contains("<h2>顧客</h2>", "<strong>bold</strong>", "<code>code</code>", "<li>a</li>");
    }

    @Test
    void scriptTagsAreEscapedText() {
        // when
        String html = MarkdownRenderer.toHtml("Hello <script>alert(1)</script>\n\n<script src=\"https://x\"></script>");

        // then
        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void eventHandlerAttributesAreEscapedText() {
        // when
        String html = MarkdownRenderer.toHtml("<img src=x onerror=alert(1)>\n\ntext <b onmouseover=\"alert(1)\">b</b>");

        // then
        assertThat(html).doesNotContain("<img", "<b ").doesNotContainPattern("<[^>]*onerror=")
                .doesNotContainPattern("<[^>]*onmouseover=").contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[click](javascript:alert(1))",
            "[click](JavaScript:alert(1))",
            "[click](javascript&#58;alert(1))",
            "[click](<java\tscript:alert(1)>)",
            "<javascript:alert(1)>",
            "[click](vbscript:msgbox(1))",
            "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "[ref]\n\n[ref]: javascript:alert(1)",
            "[relative](/api/me)"
    })
    void linksWithOtherSchemesLoseTheirUrl(String markdown) {
        // when
        String html = MarkdownRenderer.toHtml(markdown);

        // then: the link's text may show the URL, escaped, but no href carries it
        assertThat(html).contains("href=\"\"").doesNotContainPattern("(?i)href=\"(?!\")");
    }

    @Test
    void imagesAreNeverLoadedButBecomeLinksToTheirUrl() {
        // when: an author puts an image of another host into a description
        String external = MarkdownRenderer.toHtml("Sales ![chart *2024*](https://tracker.example.org/c.png?who=me)");

        // then: no <img>, so no reader's browser calls that host; the reader may follow the link
        assertThat(external).doesNotContain("<img")
                .contains("<a href=\"https://tracker.example.org/c.png?who=me\" rel=\"nofollow noopener noreferrer\"",
                        "chart <em>2024</em></a>");
        assertThat(MarkdownRenderer.toHtml("![logo](http://example.org/l.png)")).doesNotContain("<img")
                .contains("href=\"http://example.org/l.png\"");
        assertThat(MarkdownRenderer.toHtml("![i][ref]\n\n[ref]: https://example.org/r.png")).doesNotContain("<img")
                .contains("href=\"https://example.org/r.png\"");
    }

    @Test
    void imagesWithOtherSchemesKeepOnlyTheirAltText() {
        assertThat(MarkdownRenderer.toHtml("![x](javascript:alert(1)) ![y](data:image/svg+xml;base64,PHN2Zz4=)"))
                .isEqualTo("<p>x y</p>\n");
        assertThat(MarkdownRenderer.toHtml("![y](<data:image/svg+xml,<svg onload=alert(1)>>)"))
                .doesNotContain("<svg", "<img").doesNotContainPattern("<[^>]*onload=");
        assertThat(MarkdownRenderer.toHtml("![rel](/api/me)")).isEqualTo("<p>rel</p>\n");
    }

    @Test
    void httpHttpsAndMailtoLinksWork() {
        // when
        String html = MarkdownRenderer.toHtml("[wiki](https://wiki.example.org/crm) [old](http://example.org) "
                + "[team](mailto:data@example.org)");

        // then
        assertThat(html).contains("href=\"https://wiki.example.org/crm\"", "href=\"http://example.org\"",
                "href=\"mailto:data@example.org\"", "rel=\"nofollow noopener noreferrer\"");
    }

    @Test
    void emptyTextRendersNothing() {
        assertThat(MarkdownRenderer.toHtml(null)).isEmpty();
        assertThat(MarkdownRenderer.toHtml("  ")).isEmpty();
    }
}
