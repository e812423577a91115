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
            "[ref]\n\n[ref]: javascript:alert(1)"
    })
    void linksWithOtherSchemesLoseTheirUrl(String markdown) {
        // when
        String html = MarkdownRenderer.toHtml(markdown);

        // then: the link's text may show the URL, escaped, but no href carries it
        assertThat(html).contains("href=\"\"").doesNotContainPattern("(?i)href=\"(?!\")");
    }

    @Test
    void imagesKeepOnlyHttpUrls() {
        assertThat(MarkdownRenderer.toHtml("![x](javascript:alert(1)) ![y](data:image/svg+xml;base64,PHN2Zz4=)"))
                .contains("<img src=\"\" alt=\"x\" />", "<img src=\"\" alt=\"y\" />")
                .doesNotContain("javascript:", "data:");
        assertThat(MarkdownRenderer.toHtml("![y](<data:image/svg+xml,<svg onload=alert(1)>>)"))
                .doesNotContain("<svg").doesNotContainPattern("<[^>]*onload=");
        assertThat(MarkdownRenderer.toHtml("![chart](https://example.org/c.png)"))
                .contains("src=\"https://example.org/c.png\"");
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
