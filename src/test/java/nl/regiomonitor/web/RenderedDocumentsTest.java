package nl.regiomonitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import nl.regiomonitor.common.Sha256;

/** A rendered document is found by its source only, and the least recently used go first when the budget is full. */
class RenderedDocumentsTest {

    @Test
    void aDocumentIsFoundByExactlyItsSource() {
        RenderedDocuments documents = new RenderedDocuments(1000);
        documents.put(Sha256.hex("<p>instroom 2024: 12</p>"), new byte[] {1});
        assertThat(documents.get(Sha256.hex("<p>instroom 2024: 12</p>"))).containsExactly(1);
        assertThat(documents.get(Sha256.hex("<p>instroom 2024: 13</p>"))).isNull();
        assertThat(Sha256.hex("a")).hasSize(64).isNotEqualTo(Sha256.hex("a "));
    }

    @Test
    void theLeastRecentlyUsedGoFirstAndNothingLargerThanTheBudgetIsKept() {
        RenderedDocuments documents = new RenderedDocuments(100);
        documents.put("a", new byte[40]);
        documents.put("b", new byte[40]);
        documents.get("a");
        documents.put("c", new byte[40]);
        assertThat(documents.get("b")).as("least recently used").isNull();
        assertThat(documents.get("a")).isNotNull();
        assertThat(documents.get("c")).isNotNull();
        documents.put("d", new byte[101]);
        assertThat(documents.get("d")).isNull();
        documents.put("e", new byte[100]);
        assertThat(documents.get("e")).isNotNull();
        assertThat(documents.get("a")).isNull();
        assertThat(documents.get("c")).isNull();
    }
}
