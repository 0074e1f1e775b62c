package dev.stampboard.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvExportTest {

    @Test
    void quotes_what_needs_quoting_and_leaves_the_rest() {
        String csv = CsvExport.csv(
                List.of("stamp", "note"),
                List.of(List.of("eus-s01", "hot, \"very\""), List.of("eus-s02", "two\nlines")),
                row -> row);
        assertThat(csv).isEqualTo("stamp,note\r\neus-s01,\"hot, \"\"very\"\"\"\r\neus-s02,\"two\nlines\"\r\n");
    }

    @Test
    void a_missing_value_is_an_empty_cell() {
        assertThat(CsvExport.csv(List.of("a", "b"), List.of(java.util.Arrays.asList("x", null)), row -> row))
                .isEqualTo("a,b\r\nx,\r\n");
    }
}
